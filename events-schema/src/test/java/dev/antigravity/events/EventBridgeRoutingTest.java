package dev.antigravity.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.EventResources.Rule;
import dev.antigravity.events.EventResources.Sample;
import dev.antigravity.events.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The pattern files Terraform loads (the alarm rule's rendered as Terraform renders it), on real rules in moto's
 * EventBridge: every sample is sent and each rule's SQS target must receive exactly the samples index.json says it
 * routes (no more, no fewer).
 */
@ExtendWith(MotoServer.Required.class)
class EventBridgeRoutingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What Terraform passes the alarm rule's template (module.observability's guard_alarm_arns): the guard alarms of
     * the samples. ServerCpuTooHigh, someone else's alarm, is not among them and must not reach the alarm handler.
     */
    static final List<String> GUARD_ALARM_ARNS = List.of(
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:antigravity-prod-api-5xx",
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:antigravity-prod-api-error-rate",
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:antigravity-prod-api-unhealthy");

    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static String bus;
    private static final Map<Rule, String> queueUrls = new EnumMap<>(Rule.class);

    @BeforeAll
    static void rulesOnAFreshBus() {
        events = MotoServer.client(EventBridgeClient.builder());
        sqs = MotoServer.client(SqsClient.builder());
        bus = MotoServer.uniqueName("routing");
        events.createEventBus(b -> b.name(bus));
        for (Rule rule : Rule.values()) {
            String queueUrl = sqs.createQueue(q -> q.queueName(MotoServer.uniqueName(rule.fileStem())))
                    .queueUrl();
            String queueArn = sqs.getQueueAttributes(
                            a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            events.putRule(
                    r -> r.name(rule.fileStem()).eventBusName(bus).eventPattern(rule.patternJson(GUARD_ALARM_ARNS)));
            events.putTargets(t -> t.rule(rule.fileStem())
                    .eventBusName(bus)
                    .targets(target -> target.id("queue").arn(queueArn)));
            queueUrls.put(rule, queueUrl);
        }
    }

    @AfterAll
    static void cleanUp() {
        if (events == null) {
            return;
        }
        for (Rule rule : Rule.values()) {
            events.removeTargets(t -> t.rule(rule.fileStem()).eventBusName(bus).ids("queue"));
            events.deleteRule(r -> r.name(rule.fileStem()).eventBusName(bus));
            sqs.deleteQueue(q -> q.queueUrl(queueUrls.get(rule)));
        }
        events.deleteEventBus(b -> b.name(bus));
    }

    @Test
    void eachRuleReceivesExactlyTheIntendedSamples() throws Exception {
        List<Sample> samples = EventResources.samples().stream()
                .filter(Sample::isEventBridgeEvent)
                .toList();
        for (Sample sample : samples) {
            JsonNode event = JSON.readTree(sample.json());
            List<String> resources = new ArrayList<>();
            event.get("resources").forEach(r -> resources.add(r.asText()));
            String detail = JSON.writeValueAsString(event.get("detail"));
            PutEventsResponse response = events.putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                    .eventBusName(bus)
                    .source(event.get("source").asText())
                    .detailType(event.get("detail-type").asText())
                    .resources(resources)
                    .time(Instant.parse(event.get("time").asText()))
                    .detail(detail)
                    .build()));
            assertThat(response.failedEntryCount()).as(sample.file()).isZero();
        }

        for (Rule rule : Rule.values()) {
            TreeSet<String> expected = new TreeSet<>();
            samples.stream()
                    .filter(s -> s.routes().contains(rule.fileStem()))
                    .forEach(s -> expected.add(fingerprint(parsed(s))));
            assertThat(expected).as("samples routed to %s", rule).isNotEmpty();
            assertThat(receiveAll(queueUrls.get(rule), expected.size()))
                    .as(rule.fileStem())
                    .isEqualTo(expected);
        }
    }

    private static JsonNode parsed(Sample sample) {
        try {
            return JSON.readTree(sample.json());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PutEvents assigns new ids, so a delivered event is recognised by its detail-type, resources and detail. */
    private static String fingerprint(JsonNode event) {
        return event.get("detail-type").asText() + " " + event.get("resources") + " " + event.get("detail");
    }

    private static TreeSet<String> receiveAll(String queueUrl, int expected) throws Exception {
        TreeSet<String> received = new TreeSet<>();
        List<String> all = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        // Keep draining past the expected count for a moment: an extra (wrongly routed) delivery must show up.
        Instant settle = null;
        while (Instant.now().isBefore(deadline)) {
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            for (Message message : messages) {
                JsonNode event = JSON.readTree(message.body());
                all.add(fingerprint(event));
                received.add(fingerprint(event));
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (all.size() >= expected && settle == null) {
                settle = Instant.now().plusSeconds(2);
            }
            if (settle != null && Instant.now().isAfter(settle)) {
                break;
            }
        }
        assertThat(all).as("no duplicates delivered").hasSameSizeAs(received);
        return received;
    }
}
