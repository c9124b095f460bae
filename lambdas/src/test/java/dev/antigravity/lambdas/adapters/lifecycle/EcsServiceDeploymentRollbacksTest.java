package dev.antigravity.lambdas.adapters.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkException;

/** DescribeServiceDeployments, ListServiceDeployments, DescribeServiceRevisions: moto answers none, WireMock plays ECS. */
class EcsServiceDeploymentRollbacksTest {
    private static final String SERVICE = "arn:aws:ecs:us-west-2:123456789012:service/my-cluster/my-service";
    private static final String DEPLOYMENT =
            "arn:aws:ecs:us-west-2:123456789012:service-deployment/my-cluster/my-service/EZe5RNVLH6PPzHXINuP28";
    private static final String GREEN = "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/93";
    private static final String BLUE = "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/19";

    private final EcsOnWireMock ecs = new EcsOnWireMock();
    private final EcsServiceDeploymentRollbacks rollbacks = new EcsServiceDeploymentRollbacks(ecs.client);

    @AfterEach
    void stop() {
        ecs.close();
    }

    @Test
    void aDeploymentEcsIsRollingBackIsReportedWithEcsReasons() {
        ecs.answer(
                "DescribeServiceDeployments",
                deployment(
                        "ROLLBACK_IN_PROGRESS",
                        ", \"statusReason\": \"Service deployment rolled back because of alarms\", \"rollback\": "
                                + "{\"reason\": \"Deployment alarm api-5xx is in ALARM\", \"serviceRevisionArn\": \""
                                + BLUE
                                + "\", \"startedAt\": 1767225600.0}"));

        assertThat(rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN))
                .contains("ECS reports ROLLBACK_IN_PROGRESS: "
                        + "Deployment alarm api-5xx is in ALARM; Service deployment rolled back because of alarms");
        ecs.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(EcsOnWireMock.TARGET_PREFIX + "DescribeServiceDeployments"))
                .withRequestBody(matchingJsonPath("$.serviceDeploymentArns[0]", equalTo(DEPLOYMENT))));
    }

    @Test
    void aRollbackJustRequestedCountsToo() {
        ecs.answer("DescribeServiceDeployments", deployment("ROLLBACK_REQUESTED", ""));

        assertThat(rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN)).contains("ECS reports ROLLBACK_REQUESTED");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PENDING",
                "IN_PROGRESS",
                "SUCCESSFUL",
                "STOP_REQUESTED",
                "STOPPED",
                "ROLLBACK_SUCCESSFUL",
                "ROLLBACK_FAILED",
                "A_STATUS_FROM_THE_FUTURE"
            })
    void anyOtherStatusIsNotARollbackUnderway(String status) {
        ecs.answer("DescribeServiceDeployments", deployment(status, ""));

        assertThat(rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN)).isEmpty();
    }

    @Test
    void aDeploymentEcsDoesNotKnowYetIsTransient() {
        ecs.answer(
                "DescribeServiceDeployments",
                "{\"serviceDeployments\": [], \"failures\": [{\"arn\": \"" + DEPLOYMENT
                        + "\", \"reason\": \"MISSING\"}]}");

        assertThatThrownBy(() -> rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN))
                .isInstanceOf(TransientCheckException.class)
                .hasMessageContaining("does not (yet) know")
                .hasMessageContaining("MISSING");
    }

    @Test
    void withoutADeploymentArnTheServicesUnfinishedDeploymentToTheTargetIsTheOne() {
        ecs.answer(
                "ListServiceDeployments",
                "{\"serviceDeployments\": ["
                        + "{\"serviceDeploymentArn\": \"" + DEPLOYMENT + "-other\", \"serviceArn\": \"" + SERVICE
                        + "\", \"targetServiceRevisionArn\": \"" + BLUE + "\", \"status\": \"ROLLBACK_IN_PROGRESS\"},"
                        + "{\"serviceDeploymentArn\": \"" + DEPLOYMENT + "\", \"serviceArn\": \"" + SERVICE
                        + "\", \"targetServiceRevisionArn\": \"" + GREEN + "\", \"status\": \"IN_PROGRESS\"}]}");
        ecs.answer(
                "DescribeServiceDeployments",
                deployment(
                        "ROLLBACK_REQUESTED",
                        ", \"statusReason\": \"ECS deployment circuit breaker: tasks failed to start\""));

        assertThat(rollbacks.rollingBack(null, SERVICE, GREEN))
                .contains("ECS reports ROLLBACK_REQUESTED: ECS deployment circuit breaker: tasks failed to start");
        ecs.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(EcsOnWireMock.TARGET_PREFIX + "ListServiceDeployments"))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo("my-cluster")))
                .withRequestBody(matchingJsonPath("$.service", equalTo("my-service")))
                .withRequestBody(matchingJsonPath("$.status[0]", equalTo("PENDING")))
                .withRequestBody(matchingJsonPath("$.status[3]", equalTo("ROLLBACK_IN_PROGRESS"))));
        ecs.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(EcsOnWireMock.TARGET_PREFIX + "DescribeServiceDeployments"))
                .withRequestBody(matchingJsonPath("$.serviceDeploymentArns[0]", equalTo(DEPLOYMENT))));

        assertThat(rollbacks.rollingBack(
                        null, SERVICE, "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/7"))
                .as("no unfinished deployment to that revision")
                .isEmpty();
    }

    @Test
    void aDeploymentBackToAnEarlierRevisionIsARollbackAndOneToANewerIsNot() {
        ecs.answer(
                "DescribeServiceDeployments",
                deployment(
                        "IN_PROGRESS",
                        ", \"sourceServiceRevisions\": [{\"arn\": \"" + BLUE + "\", \"requestedTaskCount\": 2}]"));
        ecs.answer("DescribeServiceRevisions", revisions("api:6", "api:7"));

        assertThat(rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN)).contains("it deploys api:6 back over api:7");
        ecs.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(EcsOnWireMock.TARGET_PREFIX + "DescribeServiceRevisions"))
                .withRequestBody(matchingJsonPath("$.serviceRevisionArns[0]", equalTo(GREEN)))
                .withRequestBody(matchingJsonPath("$.serviceRevisionArns[1]", equalTo(BLUE))));

        ecs.answer("DescribeServiceRevisions", revisions("api:8", "api:7"));
        assertThat(rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN)).isEmpty();
    }

    @Test
    void serviceRevisionsEcsDoesNotKnowYetAreTransient() {
        ecs.answer(
                "DescribeServiceDeployments",
                deployment("IN_PROGRESS", ", \"sourceServiceRevisions\": [{\"arn\": \"" + BLUE + "\"}]"));
        ecs.answer(
                "DescribeServiceRevisions",
                "{\"serviceRevisions\": [{\"serviceRevisionArn\": \"" + GREEN
                        + "\", \"taskDefinition\": \"" + taskDefinition("api:6") + "\"}], \"failures\": [{\"arn\": \""
                        + BLUE + "\", \"reason\": \"MISSING\"}]}");

        assertThatThrownBy(() -> rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN))
                .isInstanceOf(TransientCheckException.class)
                .hasMessageContaining("every service revision");
    }

    @Test
    void throttlingIsTransientAndAnAccessErrorIsNot() {
        AwsTransientErrors transientErrors = new AwsTransientErrors();
        ecs.fail("ThrottlingException", "Rate exceeded");
        assertThatThrownBy(() -> rollbacks.rollingBack(DEPLOYMENT, SERVICE, GREEN))
                .isInstanceOfSatisfying(
                        SdkException.class,
                        e -> assertThat(transientErrors.test(e)).isTrue());

        ecs.fail("AccessDeniedException", "not allowed");
        assertThatThrownBy(() -> rollbacks.rollingBack(null, SERVICE, GREEN))
                .isInstanceOfSatisfying(
                        SdkException.class,
                        e -> assertThat(transientErrors.test(e)).isFalse());
    }

    private static String revisions(String green, String blue) {
        return "{\"serviceRevisions\": [{\"serviceRevisionArn\": \"" + GREEN + "\", \"taskDefinition\": \""
                + taskDefinition(green) + "\"}, {\"serviceRevisionArn\": \"" + BLUE + "\", \"taskDefinition\": \""
                + taskDefinition(blue) + "\"}], \"failures\": []}";
    }

    private static String taskDefinition(String familyRevision) {
        return "arn:aws:ecs:us-west-2:123456789012:task-definition/" + familyRevision;
    }

    private static String deployment(String status, String moreFields) {
        return "{\"serviceDeployments\": [{\"serviceDeploymentArn\": \"" + DEPLOYMENT + "\", \"serviceArn\": \""
                + SERVICE + "\", \"status\": \"" + status + "\", \"targetServiceRevision\": {\"arn\": \"" + GREEN
                + "\"}" + moreFields + "}], \"failures\": []}";
    }
}
