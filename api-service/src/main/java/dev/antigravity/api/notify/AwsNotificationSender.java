package dev.antigravity.api.notify;

import dev.antigravity.api.model.OutboxMessage;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Email through Amazon SES v2 {@code SendEmail}, SMS through Amazon SNS {@code Publish} to a phone number. */
public final class AwsNotificationSender implements NotificationSender {
    /** Transactional SMS are delivered with priority (and may bypass quiet hours); these are order updates. */
    private static final Map<String, MessageAttributeValue> TRANSACTIONAL_SMS = Map.of(
            "AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder()
                    .dataType("String")
                    .stringValue("Transactional")
                    .build());

    private final SesV2Client ses;
    private final SnsClient sns;
    private final String from;
    private final Optional<String> configurationSet;

    public AwsNotificationSender(SesV2Client ses, SnsClient sns, String from, Optional<String> configurationSet) {
        this.ses = ses;
        this.sns = sns;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(OutboxMessage message) {
        try {
            return switch (message.channel()) {
                case EMAIL -> ses.sendEmail(email(message)).messageId();
                case SMS ->
                    sns.publish(PublishRequest.builder()
                                    .phoneNumber(message.recipient())
                                    .message(message.body())
                                    .messageAttributes(TRANSACTIONAL_SMS)
                                    .build())
                            .messageId();
            };
        } catch (AwsServiceException e) {
            // 4xx other than throttling: this message as it stands will never be accepted.
            boolean permanent = e.statusCode() >= 400 && e.statusCode() < 500 && !e.isThrottlingException();
            throw new DeliveryFailure(
                    message.channel() + " refused (" + e.statusCode() + " "
                            + e.awsErrorDetails().errorCode() + "): "
                            + e.awsErrorDetails().errorMessage(),
                    permanent,
                    e);
        } catch (SdkException e) {
            throw new DeliveryFailure(message.channel() + " not sent: " + e.getMessage(), false, e);
        }
    }

    private SendEmailRequest email(OutboxMessage message) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(
                        Destination.builder().toAddresses(message.recipient()).build())
                .content(EmailContent.builder()
                        .simple(Message.builder()
                                .subject(text(message.subject()))
                                .body(Body.builder().text(text(message.body())).build())
                                .build())
                        .build());
        configurationSet.ifPresent(request::configurationSetName);
        return request.build();
    }

    private static Content text(String value) {
        return Content.builder().data(value).charset("UTF-8").build();
    }
}
