package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each environment planned with its terraform.tfvars.example against the mocked provider
 * (environments/common/tests/mocked-plan.tftest.hcl): the composition resolves (variable
 * validations, for_each keys, module wiring) and its plan has the platform's invariants.
 */
class EnvironmentPlanTest {

    /** A paging topic, as an operator would set alarm_actions. */
    static final String ALARM_ACTIONS = "alarm_actions=[\"arn:aws:sns:eu-west-1:111111111111:oncall-paging\"]";

    private static final Map<String, PlanJson> PLANS = new ConcurrentHashMap<>();
    static final Path PLACEHOLDER_JAR = RepositoryLayout.TERRAFORM.resolve("tests/fixtures/lambdas/placeholder.jar");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void theMockedPlanHasThePlatformsInvariants(String environment) {
        PlanJson plan = mockedPlan(environment);

        plan.assertEnvironmentInvariants();
        assertThat(plan.resources("aws_lambda_function")).hasSize(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging"})
    void blueGreenEnvironmentsWireTheLifecycleHook(String environment) {
        PlanJson plan = mockedPlan(environment);

        assertThat(plan.resources("aws_ecs_service")).singleElement().satisfies(service -> {
            JsonNode deployment =
                    service.values().path("deployment_configuration").path(0);
            // staging runs CANARY (terraform.tfvars.example): ECS blue/green with a canary step.
            assertThat(deployment.path("strategy").asText()).isIn("BLUE_GREEN", "CANARY", "LINEAR");
            assertThat(deployment.path("lifecycle_hook")).hasSize(1);
        });
        assertThat(plan.resources("aws_lb_target_group")).hasSize(2);
    }

    /** Planned once per environment and test run. */
    static synchronized PlanJson mockedPlan(String environment) {
        return PLANS.computeIfAbsent(environment, EnvironmentPlanTest::plan);
    }

    private static PlanJson plan(String environment) {
        TerraformCli terraform = TerraformCli.require();
        Path dir = RepositoryLayout.ENVIRONMENTS.resolve(environment);
        terraform.init(dir);

        ExternalTool.Result result = terraform.run(
                dir,
                List.of(
                        "test",
                        "-json",
                        "-verbose",
                        "-no-color",
                        "-var-file=terraform.tfvars.example",
                        "-var",
                        "lambda_jar_path=" + PLACEHOLDER_JAR,
                        "-var",
                        ALARM_ACTIONS),
                Map.of(),
                Duration.ofMinutes(10));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.stdout()
                .lines()
                .map(PlanJson::readJson)
                .filter(message -> message.path("type").asText().equals("test_plan"))
                .map(message -> new PlanJson(message.path("test_plan")))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("terraform test -json -verbose printed no plan:\n" + result.describe()));
    }
}
