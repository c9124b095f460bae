package dev.antigravity.lambdas.integration.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.adapters.lambda.NotifierInvocation;
import dev.antigravity.lambdas.adapters.sns.SnsEnvelope;
import dev.antigravity.lambdas.adapters.sns.SnsPlatformEventPublisher;
import dev.antigravity.lambdas.app.notify.NotifyPlatformEvent;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import dev.antigravity.lambdas.notifyfixtures.ChannelFixtures;
import dev.antigravity.lambdas.notifyfixtures.FakeSecrets;
import dev.antigravity.lambdas.notifyfixtures.InMemoryDeliveryLog;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import dev.antigravity.lambdas.notifyfixtures.RecordingSleeper;
import dev.antigravity.lambdas.notifyfixtures.SnsEvents;
import dev.antigravity.lambdas.notifyfixtures.WebhookFixtures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Platform events published by the real SNS adapter reach an SQS subscription on moto_server intact, and the
 * notification SNS wraps them in (the {@code Sns} object of the Lambda event) is what the notifier reads.
 */
class PlatformTopicToNotifierIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns = MotoServer.client(SnsClient.builder());
    private final SqsClient sqs = MotoServer.client(SqsClient.builder());
    private final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    private final WireMockServer pagerDuty = new WireMockServer(wireMockConfig().dynamicPort());
    private String topicArn;
    private String queueUrl;

    @BeforeEach
    void topicWithQueue() {
        String name = MotoServer.uniqueName("platform-notify");
        topicArn = sns.createTopic(r -> r.name(name)).topicArn();
        queueUrl = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        slack.start();
        pagerDuty.start();
        slack.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
        pagerDuty.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void cleanUp() {
        sns.deleteTopic(r -> r.topicArn(topicArn));
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        sns.close();
        sqs.close();
        slack.stop();
        pagerDuty.stop();
    }

    @Test
    void publishedEventsArriveDecodableAndTheNotifierPagesThenResolves() throws IOException {
        EventCodec codec = new EventCodec();
        SnsPlatformEventPublisher publisher = new SnsPlatformEventPublisher(sns, topicArn, codec);
        List<PlatformEvent> published =
                List.of(PlatformEventFixtures.rollbackStarted(), PlatformEventFixtures.alarmCleared());
        published.forEach(publisher::publish);

        List<JsonNode> notifications = receive(published.size());

        assertThat(notifications)
                .extracting(n -> codec.decodePlatformEvent(n.get("Message").asText()))
                .containsExactlyElementsOf(published);
        assertThat(notifications.getFirst().at("/MessageAttributes/type/Value").asText())
                .isEqualTo("RollbackStarted");
        assertThat(notifications.getFirst().get("Subject").asText())
                .isEqualTo("[prod] RollbackStarted antigravity-prod/api sha-3f2a9c1");

        NotifierInvocation notifier = new NotifierInvocation(
                new SnsEnvelope(JSON),
                codec,
                new NotifyPlatformEvent(
                        new DispatchPlanner(RoutingRules.defaults()),
                        ChannelFixtures.both(
                                new FakeSecrets()
                                        .with("slack", slack.baseUrl() + "/hook")
                                        .with("pd", "KEY"),
                                pagerDuty.baseUrl(),
                                WebhookFixtures.poster(new RecordingSleeper(), Clock.systemUTC())),
                        new InMemoryDeliveryLog(Clock.systemUTC())),
                Clock.systemUTC());
        for (JsonNode notification : notifications) {
            ObjectNode lambdaEvent = JSON.createObjectNode();
            lambdaEvent
                    .putArray("Records")
                    .addObject()
                    .put("EventSource", "aws:sns")
                    .put("EventVersion", "1.0")
                    .set("Sns", notification);
            notifier.handle(SnsEvents.of(lambdaEvent.toString()), Duration.ofSeconds(30));
        }

        List<JsonNode> pages = WebhookFixtures.bodies(pagerDuty, "/v2/enqueue");
        // The recovery resolves both incidents it may end: the unhealthy deployment and the unhealthy service.
        assertThat(pages)
                .extracting(p -> p.get("event_action").asText())
                .containsExactly("trigger", "resolve", "resolve");
        assertThat(pages)
                .extracting(p -> p.get("dedup_key").asText())
                .last()
                .asString()
                .endsWith("/service-unhealthy");
        assertThat(WebhookFixtures.bodies(slack, "/hook")).hasSize(2);
    }

    private List<JsonNode> receive(int expected) throws IOException {
        List<JsonNode> notifications = new ArrayList<>();
        for (int polls = 0; polls < 10 && notifications.size() < expected; polls++) {
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            for (Message message : messages) {
                notifications.add(JSON.readTree(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        assertThat(notifications).as("notifications received from SQS").hasSize(expected);
        notifications.sort(
                java.util.Comparator.comparing(n -> n.get("Timestamp").asText()));
        return notifications;
    }
}
