package dev.antigravity.lambdas.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.events.EventResources;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.adapters.lambda.EventEntryPoint;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.domain.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What the handlers acknowledge (never retried) and what they throw (Lambda retries, then the DLQ). */
class EventEntryPointTest {
    private final AtomicInteger calls = new AtomicInteger();

    private Outcome run(String event, Function<EcrImageAction, Outcome> useCase) {
        return new EventEntryPoint<>("ImagePushHandler", EcrImageAction.class, new EventCodec(), useCase)
                .run(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    private Outcome applied(EcrImageAction push) {
        calls.incrementAndGet();
        return Outcome.of("ImagePushHandler", push.id(), Outcome.Result.APPLIED, "deployed");
    }

    @Test
    void malformedAndForeignEventsAreRejectedWithoutReachingTheUseCase() {
        assertThat(run("{not json", this::applied).reason()).startsWith("malformed event: not JSON");
        assertThat(run("{}", this::applied).reason()).contains("'id'");
        assertThat(run(
                                EventResources.sample("cloudwatch-alarm-guard-ok-to-alarm.json")
                                        .json(),
                                this::applied)
                        .reason())
                .contains("unexpected detail-type 'CloudWatch Alarm State Change'");
        assertThat(run(EventResources.sample("platform-rollback-started.json").json(), this::applied)
                        .result())
                .isEqualTo(Outcome.Result.REJECTED);
        assertThat(calls).hasValue(0);
    }

    @Test
    void misconfigurationIsAcknowledgedLoudlyNotRetried() {
        Outcome outcome =
                run(EventResources.sample("ecr-image-push-sha-tag.json").json(), push -> {
                    throw new ConfigurationException("task definition has no container named 'api'");
                });
        assertThat(outcome.result()).isEqualTo(Outcome.Result.REJECTED);
        assertThat(outcome.reason()).isEqualTo("misconfiguration: task definition has no container named 'api'");
        assertThat(outcome.eventId()).isEqualTo("0b1c8f43-6a1e-4d0c-9c1a-2f6a1e9b1001");
    }

    @Test
    void awsErrorsThatMaySucceedLaterAreThrownForLambdaToRetry() {
        SdkClientException throttled = SdkClientException.create("Rate exceeded after 4 attempts");
        assertThatThrownBy(() ->
                        run(EventResources.sample("ecr-image-push-sha-tag.json").json(), push -> {
                            throw throttled;
                        }))
                .isSameAs(throttled);
    }

    @Test
    void theOutcomeIsWrittenAsJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EventEntryPoint<>("ImagePushHandler", EcrImageAction.class, new EventCodec(), this::applied)
                .handle(
                        new ByteArrayInputStream(EventResources.sample("ecr-image-push-sha-tag.json")
                                .json()
                                .getBytes(StandardCharsets.UTF_8)),
                        out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"handler\":\"ImagePushHandler\",\"eventId\":"
                                + "\"0b1c8f43-6a1e-4d0c-9c1a-2f6a1e9b1001\",\"result\":\"APPLIED\",\"reason\":\"deployed\",\"actions\":[]}");
    }
}
