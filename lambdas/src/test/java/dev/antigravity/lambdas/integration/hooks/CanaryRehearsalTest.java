package dev.antigravity.lambdas.integration.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.antigravity.events.platform.CanaryEvidence;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.handlers.LifecycleHookHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's rehearsal of the canary analysis through the real LifecycleHookHandler, wired by Dagger: moto for ECS's
 * service and SNS→SQS, WireMock for what moto lacks (CloudWatch over CBOR: the guard alarm and GetMetricData; ECS
 * DescribeServiceRevisions and DescribeServiceDeployments, every other ECS call proxied to moto). ECS's earlier
 * IN_PROGRESS answers are stood in for by the hookDetails it echoes: collection began eleven minutes ago.
 */
class CanaryRehearsalTest {
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
    private static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/2b";
    private static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/1a";

    private MotoWorld world;
    private final WireMockServer ecs =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private String newRevision;
    private String oldRevision;
    private LifecycleHookHandler hook;

    @BeforeEach
    void setUp() {
        world = new MotoWorld();
        ecs.start();
        String prefix = "arn:aws:ecs:us-east-1:123456789012:service-revision/" + world.cluster + "/api/";
        newRevision = prefix + "222";
        oldRevision = prefix + "111";
        ecs.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse().proxiedFrom(MotoServer.endpoint().toString())));
        revisions(List.of(newRevision), Map.of(newRevision, GREEN));
        revisions(List.of(oldRevision), Map.of(oldRevision, BLUE));
        revisions(List.of(newRevision, oldRevision), Map.of(newRevision, GREEN, oldRevision, BLUE));
        ecs.stubFor(post("/")
                .atPriority(1)
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeServiceDeployments"))
                .willReturn(json("{\"serviceDeployments\": [{\"serviceDeploymentArn\": \"" + deploymentArn()
                        + "\", \"status\": \"IN_PROGRESS\", \"targetServiceRevision\": {\"arn\": \"" + newRevision
                        + "\"}, \"sourceServiceRevisions\": [{\"arn\": \"" + oldRevision
                        + "\"}]}], \"failures\": []}")));
        world.alarmState("OK");
        hook = world.handler(
                MotoHandlers::lifecycleHook,
                15,
                Map.of(
                        "AWS_ENDPOINT_URL_ECS", ecs.baseUrl(),
                        "LIFECYCLE_STAGE_CHECKS", "{\"PRODUCTION_TRAFFIC_SHIFT\": \"CANARY_ANALYSIS\"}",
                        "LIFECYCLE_CANARY_LOAD_BALANCER", "app/api/9f"));
    }

    @AfterEach
    void tearDown() {
        ecs.stop();
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aDoubledErrorRateFailsTheCanaryWhileTheAbsoluteGuardAlarmStaysOk() {
        // 1 % against 2 % of 5xx: both far below the 5 % the 5xx guard alarm fires at.
        traffic(new double[] {2000, 0.01, 0.120}, new double[] {300, 0.02, 0.120});

        JsonNode canary = MotoWorld.invoke(hook, payload("PRODUCTION_TRAFFIC_SHIFT"));
        JsonNode alarms = MotoWorld.invoke(hook, payload("POST_PRODUCTION_TRAFFIC_SHIFT"));

        assertThat(canary.path("hookStatus").asText()).isEqualTo("FAILED");
        assertThat(canary.at("/hookDetails/canaryVerdict").asText()).isEqualTo("FAIL");
        assertThat(canary.at("/hookDetails/errorRate").asText()).startsWith("FAIL: 5xx rate 1.00 % vs 2.00 %");
        assertThat(alarms.path("hookStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(alarms.at("/hookDetails/reason").asText()).isEqualTo("all 1 guard alarms OK");
        CanaryEvidence evidence = judged().canary();
        assertThat(evidence.verdict()).isEqualTo("FAIL");
        assertThat(evidence.metrics().getFirst().baseline()).isEqualTo(0.01);
        assertThat(evidence.metrics().getFirst().canary()).isEqualTo(0.02);
    }

    @Test
    void aLoadSpikeDegradingBothRevisionsPassesAndSaysSo() {
        // 7 % of 5xx and 1.6 s on both: the guard alarm would fire, the comparison says it is not the new revision.
        traffic(new double[] {4000, 0.07, 1.6}, new double[] {400, 0.07, 1.6});

        JsonNode canary = MotoWorld.invoke(hook, payload("PRODUCTION_TRAFFIC_SHIFT"));

        assertThat(canary.path("hookStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(canary.at("/hookDetails/reason").asText()).contains("both revisions are degraded together");
        assertThat(canary.at("/hookDetails/bothDegraded").asBoolean()).isTrue();
        PlatformEvent event = judged();
        assertThat(event.canary().verdict()).isEqualTo("PASS");
        assertThat(event.canary().bothDegraded()).isTrue();
    }

    private PlatformEvent judged() {
        List<PlatformEvent> events = world.platformEvents();
        assertThat(events).extracting(PlatformEvent::type).containsExactly(PlatformEventType.CanaryJudged);
        return events.getFirst();
    }

    private String deploymentArn() {
        return "arn:aws:ecs:us-east-1:123456789012:service-deployment/" + world.cluster + "/api/canary1";
    }

    private String payload(String stage) {
        Instant since = Instant.now().minus(11, ChronoUnit.MINUTES);
        return MotoWorld.sample("ecs-lifecycle-hook-production-traffic-shift.json", e -> {
            e.put("lifecycleStage", stage);
            e.put("resourceArn", deploymentArn());
            ObjectNode details = (ObjectNode) e.get("executionDetails");
            details.put("serviceArn", world.serviceArn);
            details.put("targetServiceRevisionArn", newRevision);
            details.putObject("productionTrafficWeights").put(newRevision, 5).put(oldRevision, 95);
            e.putObject("hookDetails").put("stage", stage).put("canarySince", since.toString());
        });
    }

    private void revisions(List<String> asked, Map<String, String> targetGroups) {
        StringBuilder body = new StringBuilder("{\"serviceRevisions\": [");
        for (int i = 0; i < asked.size(); i++) {
            String arn = asked.get(i);
            body.append(i == 0 ? "" : ", ")
                    .append("{\"serviceRevisionArn\": \"")
                    .append(arn)
                    .append("\", \"taskDefinition\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/")
                    .append(world.family)
                    .append(arn.equals(newRevision) ? ":7" : ":6")
                    .append("\", \"resolvedConfiguration\": {\"loadBalancers\": [{\"targetGroupArn\": \"")
                    .append(targetGroups.get(arn))
                    .append("\"}]}}");
        }
        body.append("], \"failures\": []}");
        StringBuilder request = new StringBuilder("{\"serviceRevisionArns\": [");
        for (int i = 0; i < asked.size(); i++) {
            request.append(i == 0 ? "" : ", ").append('"').append(asked.get(i)).append('"');
        }
        ecs.stubFor(post("/")
                .atPriority(1)
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeServiceRevisions"))
                .withRequestBody(equalToJson(request.append("]}").toString()))
                .willReturn(json(body.toString())));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1).withBody(body);
    }

    /**
     * GetMetricData for the last ten minutes: {requests per minute, 5xx fraction, latency seconds} of the old
     * revision's group (queried first) and the new one's.
     */
    private void traffic(double[] old, double[] canary) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator cbor = new CBORFactory().createGenerator(bytes)) {
            cbor.writeStartObject();
            cbor.writeArrayFieldStart("MetricDataResults");
            double[][] groups = {old, canary};
            for (int g = 0; g < 2; g++) {
                double[] figures = groups[g];
                series(cbor, "requests" + g, now, m -> figures[0]);
                series(cbor, "errors" + g, now, m -> Math.round(figures[0] * figures[1]));
                series(cbor, "latency" + g, now, m -> figures[2] * (1 + 0.04 * ((m % 3) - 1)));
            }
            cbor.writeEndArray();
            cbor.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        world.wireMock.stubFor(post(urlPathMatching(".*/GetMetricData"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withBody(bytes.toByteArray())));
    }

    private static void series(CBORGenerator cbor, String id, Instant now, java.util.function.IntToDoubleFunction value)
            throws IOException {
        cbor.writeStartObject();
        cbor.writeStringField("Id", id);
        cbor.writeArrayFieldStart("Timestamps");
        for (int m = 10; m >= 1; m--) {
            cbor.writeTag(1);
            cbor.writeNumber(now.minus(m, ChronoUnit.MINUTES).getEpochSecond());
        }
        cbor.writeEndArray();
        cbor.writeArrayFieldStart("Values");
        for (int m = 10; m >= 1; m--) {
            cbor.writeNumber(value.applyAsDouble(m));
        }
        cbor.writeEndArray();
        cbor.writeStringField("StatusCode", "Complete");
        cbor.writeEndObject();
    }
}
