package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECS traffic shifting (issue 15): rolling stays the default, BLUE_GREEN stays available, CANARY and LINEAR carry their
 * percent and bake, and with them the lifecycle hook is registered for PRODUCTION_TRAFFIC_SHIFT and told to judge
 * the canary from the load balancer's per-target-group metrics.
 */
class TrafficShiftPolicyTest {
    private final ModuleSource ecs = ModuleSource.module("ecs-service");
    private final ModuleSource hooks = ModuleSource.module("deploy-hooks");

    @Test
    void rollingStaysTheDefaultAndTheStrategyComesFromTheTrafficShiftSettings() {
        assertThat(ecs.variableDefault("blue_green").isNull()).isTrue();
        assertThat(ecs.locals().path("deployment_strategy").asText())
                .isEqualTo("${var.blue_green == null ? \"ROLLING\" : var.blue_green.strategy}");
        JsonNode deployment = ecs.resource("aws_ecs_service", "this")
                .nested("deployment_configuration")
                .getFirst();
        assertThat(deployment.path("strategy").asText()).isEqualTo("${local.deployment_strategy}");
        assertThat(deployment.path("bake_time_in_minutes").asText()).contains("var.blue_green.bake_time_in_minutes");
        assertThat(variableText(ecs, "blue_green")).contains("strategy = optional(string, \"BLUE_GREEN\")");
    }

    @Test
    void canaryAndLinearCarryTheirPercentAndBakeOnlyUnderTheirOwnStrategy() {
        JsonNode dynamic = ecs.resource("aws_ecs_service", "this")
                .nested("deployment_configuration")
                .getFirst()
                .path("dynamic");

        JsonNode canary = dynamic.path("canary_configuration").get(0);
        assertThat(canary.path("for_each").asText())
                .isEqualTo("${local.deployment_strategy == \"CANARY\" ? [var.blue_green] : []}");
        assertThat(canary.path("content").get(0).path("canary_percent").asText())
                .contains("canary_percent");
        assertThat(canary.path("content")
                        .get(0)
                        .path("canary_bake_time_in_minutes")
                        .asText())
                .contains("canary_bake_time_in_minutes");
        JsonNode linear = dynamic.path("linear_configuration").get(0);
        assertThat(linear.path("for_each").asText())
                .isEqualTo("${local.deployment_strategy == \"LINEAR\" ? [var.blue_green] : []}");
        assertThat(linear.path("content").get(0).path("step_percent").asText()).contains("step_percent");
        assertThat(linear.path("content")
                        .get(0)
                        .path("step_bake_time_in_minutes")
                        .asText())
                .contains("step_bake_time_in_minutes");
        assertThat(variableText(ecs, "blue_green"))
                .contains(
                        "\"BLUE_GREEN\", \"CANARY\", \"LINEAR\"",
                        "canary_percent > 0",
                        "step_percent <= 100",
                        "minutes <= 1440");
    }

    @Test
    void theLifecycleHookIsRegisteredForProductionTrafficShiftUnderCanaryAndLinear() {
        JsonNode stages = ecs.locals().path("lifecycle_stages");
        for (String strategy : List.of("CANARY", "LINEAR")) {
            assertThat(TerraformConfiguration.strings(stages.path(strategy)))
                    .as(strategy)
                    .containsExactly(
                            "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT");
        }
        assertThat(TerraformConfiguration.strings(stages.path("BLUE_GREEN")))
                .containsExactly("POST_TEST_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT");
        JsonNode hook = ecs.resource("aws_ecs_service", "this")
                .nested("deployment_configuration")
                .getFirst()
                .path("dynamic")
                .path("lifecycle_hook")
                .get(0)
                .path("content")
                .get(0);
        assertThat(hook.path("lifecycle_stages").asText())
                .contains("local.lifecycle_stages[local.deployment_strategy]");
    }

    @Test
    void withACanaryTheHookJudgesItFromTheLoadBalancersMetricsAndMayReadThem() {
        String environment = hooks.locals()
                .path("function_environment")
                .path("lifecycle-hook")
                .asText();
        assertThat(environment)
                .contains(
                        "LIFECYCLE_CANARY_LOAD_BALANCER",
                        "PRODUCTION_TRAFFIC_SHIFT = \"CANARY_ANALYSIS\"",
                        "LIFECYCLE_CANARY_ON_TOO_LITTLE_TRAFFIC",
                        "LIFECYCLE_CANARY_WINDOW_MINUTES",
                        "LIFECYCLE_CANARY_BOUND_MINUTES",
                        "var.lifecycle_canary == null ? {} :");
        assertThat(hooks.locals()
                        .path("function_defaults")
                        .path("lifecycle-hook")
                        .path("capabilities")
                        .asText())
                .contains("var.lifecycle_canary == null ? [] : [\"canary_metrics\"]");
        Block metrics = hooks.data("aws_iam_policy_document").stream()
                .filter(block -> block.name().equals("canary_metrics"))
                .findFirst()
                .orElseThrow();
        assertThat(metrics.nested("statement"))
                .singleElement()
                .satisfies(statement -> assertThat(TerraformConfiguration.strings(statement.get("actions")))
                        .containsExactly("cloudwatch:GetMetricData"));
        assertThat(variableText(hooks, "lifecycle_canary"))
                .contains("on_too_little_traffic = optional(string, \"FAIL\")", "\"FAIL\", \"PASS\"");
    }

    @Test
    void environmentsChooseTheStrategyAndHandTheHookTheLoadBalancer() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            assertThat(environment.variableDefault("deployment_strategy").asText())
                    .isEqualTo("BLUE_GREEN");
            String blueGreen = environment
                    .moduleCall("ecs_service")
                    .body()
                    .path("blue_green")
                    .asText();
            assertThat(blueGreen)
                    .contains(
                            "strategy",
                            "var.deployment_strategy",
                            "canary_percent",
                            "step_percent",
                            "deployment_bake_time_in_minutes");
            assertThat(environment
                            .moduleCall("deploy_hooks")
                            .body()
                            .path("lifecycle_canary")
                            .asText())
                    .contains("var.deployment_strategy != \"BLUE_GREEN\"", "module.alb.arn_suffix");
        }
    }

    /** A variable's declaration as parsed (its type and validations as text). */
    private static String variableText(ModuleSource module, String name) {
        return TerraformConfiguration.parsed().files().entrySet().stream()
                .filter(file -> file.getKey().getParent().equals(module.dir()))
                .map(file -> file.getValue().path("variable").path(name))
                .filter(variable -> !variable.isMissingNode())
                .findFirst()
                .orElseThrow()
                .toString()
                .replace("\\\"", "\"")
                .replaceAll(" +", " ");
    }
}
