package dev.antigravity.lambdas.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.antigravity.lambdas.adapters.aws.AwsClients;
import dev.antigravity.lambdas.adapters.aws.CloudWatchAlarms;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** CloudWatch over Smithy RPCv2 CBOR (which moto cannot serve), including the retry-then-surface path. */
class CloudWatchAlarmsTest {
    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        server.stop();
    }

    private CloudWatchAlarms alarms(int attempts) {
        server.start();
        AwsClients clients = new AwsClients(Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_MAX_ATTEMPTS",
                Integer.toString(attempts),
                "AWS_ENDPOINT_URL_CLOUDWATCH",
                server.baseUrl()));
        return new CloudWatchAlarms(clients.build(CloudWatchClient.builder(), "CLOUDWATCH"));
    }

    @Test
    void metricAndCompositeAlarmStatesAndMissingOnes() throws Exception {
        CloudWatchAlarms alarms = alarms(1);
        byte[] body = new CBORMapper()
                .writeValueAsBytes(Map.of(
                        "MetricAlarms",
                                List.of(
                                        Map.of("AlarmName", "api-5xx", "StateValue", "ALARM"),
                                        Map.of("AlarmName", "api-latency", "StateValue", "INSUFFICIENT_DATA")),
                        "CompositeAlarms", List.of(Map.of("AlarmName", "api-health", "StateValue", "OK"))));
        server.stubFor(post(urlPathMatching(".*/DescribeAlarms"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withBody(body)));

        assertThat(alarms.states(List.of("api-5xx", "api-latency", "api-health", "gone")))
                .containsExactly(
                        Map.entry("api-5xx", AlarmStatus.ALARM),
                                Map.entry("api-latency", AlarmStatus.INSUFFICIENT_DATA),
                        Map.entry("api-health", AlarmStatus.OK), Map.entry("gone", AlarmStatus.MISSING));
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSurfaces() {
        CloudWatchAlarms alarms = alarms(3);
        server.stubFor(post(urlPathMatching(".*/DescribeAlarms"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor")));

        assertThatThrownBy(() -> alarms.states(List.of("api-5xx"))).isInstanceOf(SdkException.class);
        server.verify(3, postRequestedFor(urlPathMatching(".*/DescribeAlarms")));
    }
}
