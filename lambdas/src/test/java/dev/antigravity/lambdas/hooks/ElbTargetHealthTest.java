package dev.antigravity.lambdas.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.antigravity.lambdas.adapters.aws.AwsClients;
import dev.antigravity.lambdas.adapters.aws.ElbTargetHealth;
import dev.antigravity.lambdas.domain.port.TargetHealthPort.TargetHealth;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** moto reports every registered target healthy: unhealthy ones come from WireMock speaking the ELBv2 query API. */
class ElbTargetHealthTest {
    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void unhealthyAndDrainingTargetsAreNamed() {
        server.start();
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTargetHealth"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody("""
                        <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                          <DescribeTargetHealthResult><TargetHealthDescriptions>
                            <member><Target><Id>10.0.1.10</Id><Port>8080</Port></Target>
                              <TargetHealth><State>healthy</State></TargetHealth></member>
                            <member><Target><Id>10.0.2.10</Id><Port>8080</Port></Target>
                              <TargetHealth><State>unhealthy</State><Reason>Target.ResponseCodeMismatch</Reason>
                              <Description>Health checks failed with these codes: [503]</Description></TargetHealth></member>
                            <member><Target><Id>10.0.3.10</Id><Port>8080</Port></Target>
                              <TargetHealth><State>draining</State><Reason>Target.DeregistrationInProgress</Reason></TargetHealth></member>
                          </TargetHealthDescriptions></DescribeTargetHealthResult>
                          <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                        </DescribeTargetHealthResponse>""")));
        AwsClients clients = new AwsClients(
                Map.of("AWS_REGION", "us-east-1", "AWS_MAX_ATTEMPTS", "1", "AWS_ENDPOINT_URL", server.baseUrl()));
        ElbTargetHealth targets =
                new ElbTargetHealth(clients.build(ElasticLoadBalancingV2Client.builder(), "ELASTIC_LOAD_BALANCING_V2"));

        TargetHealth health = targets.health("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/1");

        assertThat(health.total()).isEqualTo(3);
        assertThat(health.healthy()).isEqualTo(1);
        assertThat(health.notHealthy())
                .containsExactly(
                        "10.0.2.10:8080=unhealthy (Target.ResponseCodeMismatch)",
                        "10.0.3.10:8080=draining (Target.DeregistrationInProgress)");
    }
}
