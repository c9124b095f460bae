package dev.antigravity.lambdas.adapters.sns;

import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes platform events to the platform topic as schema-valid JSON, with {@code type}, {@code severity} and
 * {@code service} message attributes so subscriptions (email, say) can filter without parsing the body.
 */
public final class SnsPlatformEventPublisher implements PlatformEventPublisher {
    private static final int SUBJECT_LIMIT = 100;

    private final SnsClient sns;
    private final String topicArn;
    private final EventCodec codec;

    public SnsPlatformEventPublisher(SnsClient sns, String topicArn, EventCodec codec) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.codec = codec;
    }

    @Override
    public void publish(PlatformEvent event) {
        String subject = ("[" + event.environment() + "] " + event.type() + " " + event.cluster() + "/"
                + event.service() + (event.version() == null ? "" : " " + event.version()));
        sns.publish(r -> r.topicArn(topicArn)
                .subject(subject.length() > SUBJECT_LIMIT ? subject.substring(0, SUBJECT_LIMIT) : subject)
                .message(codec.encode(event))
                .messageAttributes(java.util.Map.of(
                        "type", text(event.type().name()),
                        "severity", text(event.severity().name()),
                        "service", text(event.cluster() + "/" + event.service()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
