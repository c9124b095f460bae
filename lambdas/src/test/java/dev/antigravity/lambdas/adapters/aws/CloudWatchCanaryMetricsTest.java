package dev.antigravity.lambdas.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.antigravity.lambdas.adapters.lifecycle.AwsTransientErrors;
import dev.antigravity.lambdas.domain.canary.MinuteFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * GetMetricData over Smithy RPCv2 CBOR (which moto cannot serve) on WireMock, in the shape CloudWatch answers:
 * MetricDataResults with Id, Label, Timestamps (CBOR tag 1, epoch seconds), Values and StatusCode, paginated by
 * NextToken, zero-sum 5xx minutes left out.
 */
class CloudWatchCanaryMetricsTest {
    private static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-green/2b";
    private static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-blue/1a";
    private static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/api/9f";
    private static final Instant T0 = Instant.parse("2026-11-30T10:01:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        server.stop();
    }

    private CloudWatchCanaryMetrics metrics(int attempts) {
        server.start();
        AwsClients clients = new AwsClients(Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_MAX_ATTEMPTS",
                Integer.toString(attempts),
                "AWS_ENDPOINT_URL_CLOUDWATCH",
                server.baseUrl()));
        return new CloudWatchCanaryMetrics(clients.build(CloudWatchClient.builder(), "CLOUDWATCH"), ALB, "p99");
    }

    @Test
    void perMinuteFiguresOfEachTargetGroupAcrossPages() throws IOException {
        CloudWatchCanaryMetrics metrics = metrics(1);
        // Page 1: the blue group complete, green's requests partial; CloudWatch says PartialData and a NextToken.
        server.stubFor(post(urlPathMatching(".*/GetMetricData"))
                .inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second")
                .willReturn(cbor(page(
                        "token-2",
                        result(
                                "requests0",
                                "RequestCount",
                                "Complete",
                                List.of(T2, T0, T1),
                                List.of(2100.0, 2000.0, 1900.0)),
                        result(
                                "errors0",
                                "HTTPCode_Target_5XX_Count",
                                "Complete",
                                List.of(T0, T1),
                                List.of(20.0, 19.0)),
                        result(
                                "latency0",
                                "TargetResponseTime",
                                "Complete",
                                List.of(T0, T1, T2),
                                List.of(0.12, 0.11, 0.13)),
                        result("requests1", "RequestCount", "PartialData", List.of(T0), List.of(100.0))))));
        server.stubFor(post(urlPathMatching(".*/GetMetricData"))
                .inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(cbor(page(
                        null,
                        result("requests1", "RequestCount", "Complete", List.of(T1), List.of(110.0)),
                        result("errors1", "HTTPCode_Target_5XX_Count", "Complete", List.of(T0, T1), List.of(4.0, 3.0)),
                        result("latency1", "TargetResponseTime", "Complete", List.of(T0, T1), List.of(0.2, 0.3))))));

        Map<String, List<MinuteFigures>> figures = metrics.perMinute(List.of(BLUE, GREEN), T0, T2.plusSeconds(60));

        assertThat(figures.get(BLUE))
                .containsExactly(
                        new MinuteFigures(T0, 2000, 20, 0.12),
                        new MinuteFigures(T1, 1900, 19, 0.11),
                        new MinuteFigures(T2, 2100, 0, 0.13));
        assertThat(figures.get(GREEN))
                .containsExactly(new MinuteFigures(T0, 100, 4, 0.2), new MinuteFigures(T1, 110, 3, 0.3));
        server.verify(2, postRequestedFor(urlPathMatching(".*/GetMetricData")));

        JsonNode request = new CBORMapper()
                .readTree(server.getAllServeEvents().getLast().getRequest().getBody());
        assertThat(request.get("ScanBy").asText()).isEqualTo("TimestampAscending");
        JsonNode latency = request.get("MetricDataQueries").get(5);
        assertThat(latency.get("Id").asText()).isEqualTo("latency1");
        assertThat(latency.at("/MetricStat/Stat").asText()).isEqualTo("p99");
        assertThat(latency.at("/MetricStat/Period").asInt()).isEqualTo(60);
        assertThat(latency.at("/MetricStat/Metric/Namespace").asText()).isEqualTo("AWS/ApplicationELB");
        assertThat(latency.at("/MetricStat/Metric/Dimensions").toString())
                .contains("targetgroup/api-green/2b", "app/api/9f");
    }

    @Test
    void throttlingIsRetriedThenSurfacesAsTransient() {
        CloudWatchCanaryMetrics metrics = metrics(3);
        server.stubFor(post(urlPathMatching(".*/GetMetricData"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor")));

        assertThatThrownBy(() -> metrics.perMinute(List.of(BLUE, GREEN), T0, T2))
                .satisfies(error ->
                        assertThat(new AwsTransientErrors().test(error)).isTrue());
        server.verify(3, postRequestedFor(urlPathMatching(".*/GetMetricData")));
    }

    @Test
    void dimensionValuesFromArnsOrAsGiven() {
        assertThat(CloudWatchCanaryMetrics.dimensionValue(GREEN, "")).isEqualTo("targetgroup/api-green/2b");
        assertThat(CloudWatchCanaryMetrics.dimensionValue(ALB, "loadbalancer/")).isEqualTo("app/api/9f");
        assertThat(CloudWatchCanaryMetrics.dimensionValue("app/api/9f", "loadbalancer/"))
                .isEqualTo("app/api/9f");
    }

    private record Result(String id, String label, String status, List<Instant> timestamps, List<Double> values) {}

    private static Result result(
            String id, String label, String status, List<Instant> timestamps, List<Double> values) {
        return new Result(id, label, status, timestamps, values);
    }

    /** A GetMetricData response as CloudWatch's RPCv2 CBOR encodes it; timestamps carry tag 1 (epoch seconds). */
    private static byte[] page(String nextToken, Result... results) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator cbor = new CBORFactory().createGenerator(bytes)) {
            cbor.writeStartObject();
            cbor.writeArrayFieldStart("MetricDataResults");
            for (Result result : results) {
                cbor.writeStartObject();
                cbor.writeStringField("Id", result.id());
                cbor.writeStringField("Label", result.label());
                cbor.writeArrayFieldStart("Timestamps");
                for (Instant at : result.timestamps()) {
                    cbor.writeTag(1);
                    cbor.writeNumber(at.getEpochSecond());
                }
                cbor.writeEndArray();
                cbor.writeArrayFieldStart("Values");
                for (double value : result.values()) {
                    cbor.writeNumber(value);
                }
                cbor.writeEndArray();
                cbor.writeStringField("StatusCode", result.status());
                cbor.writeEndObject();
            }
            cbor.writeEndArray();
            cbor.writeArrayFieldStart("Messages");
            cbor.writeEndArray();
            if (nextToken != null) {
                cbor.writeStringField("NextToken", nextToken);
            }
            cbor.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder cbor(byte[] body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(body);
    }
}
