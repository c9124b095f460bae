package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the service scales and where its tasks run: target tracking on CPU, memory and requests per
 * target with a 300 s scale-in cooldown, 3 tasks at least in prod and 2 in staging, Fargate Spot as
 * a weighted option on in staging only, and the load balancer's stickiness and probe interval.
 */
class ScalingPolicyTest {

    private static final ModuleSource ECS = ModuleSource.module("ecs-service");
    private static final ModuleSource ALB = ModuleSource.module("alb");

    /** Policy name => its predefined metric. */
    private static final Map<String, String> POLICIES = Map.of(
            "cpu", "ECSServiceAverageCPUUtilization",
            "memory", "ECSServiceAverageMemoryUtilization",
            "requests", "ALBRequestCountPerTarget");

    @Test
    void threeTargetTrackingPoliciesEachWithAFiveMinuteScaleInCooldown() {
        assertThat(ECS.resources("aws_appautoscaling_policy"))
                .extracting(Block::name)
                .containsExactlyInAnyOrderElementsOf(POLICIES.keySet());

        POLICIES.forEach((name, metric) -> {
            Block policy = ECS.resource("aws_appautoscaling_policy", name);
            JsonNode tracking = policy.nested("target_tracking_scaling_policy_configuration")
                    .getFirst();
            JsonNode predefined =
                    tracking.path("predefined_metric_specification").get(0);

            assertThat(policy.body().path("policy_type").asText()).isEqualTo("TargetTrackingScaling");
            assertThat(policy.body().path("resource_id").asText())
                    .isEqualTo("${aws_appautoscaling_target.service.resource_id}");
            assertThat(predefined.path("predefined_metric_type").asText())
                    .as(name)
                    .isEqualTo(metric);
            assertThat(ECS.valueOf(tracking, "scale_in_cooldown").asInt())
                    .as(name + " scale-in cooldown")
                    .isEqualTo(300);
            assertThat(ECS.valueOf(tracking, "scale_out_cooldown").asInt())
                    .as(name + " scale-out cooldown")
                    .isPositive();
            assertThat(tracking.has("disable_scale_in"))
                    .as(name + " scales in too")
                    .isFalse();
        });
        assertThat(ECS.valueOf(tracking("cpu"), "target_value").asInt()).isEqualTo(70);
        assertThat(ECS.valueOf(tracking("memory"), "target_value").asInt())
                .as("below the memory alarm")
                .isBetween(60, 84)
                .isLessThan(ModuleSource.module("observability")
                        .variableDefault("max_memory_percent")
                        .asInt());
        assertThat(ECS.valueOf(tracking("requests"), "target_value").asInt()).isPositive();
        assertThat(tracking("requests")
                        .path("predefined_metric_specification")
                        .get(0)
                        .path("resource_label")
                        .asText())
                .isEqualTo("${var.load_balancer_arn_suffix}/${var.target_group_arn_suffix}");
    }

    @Test
    void prodKeepsThreeTasksAndStagingTwoAndEnvironmentsWireTheRequestMetric() {
        ModuleSource common = ModuleSource.at(RepositoryLayout.ENVIRONMENTS.resolve("common"));

        assertThat(common.variableDefault("min_tasks").asInt())
                .as("environments' default floor")
                .isEqualTo(3);
        assertThat(TerraformConfiguration.tfvarsExample("prod")
                        .path("min_tasks")
                        .asInt())
                .isEqualTo(3);
        assertThat(TerraformConfiguration.tfvarsExample("staging")
                        .path("min_tasks")
                        .asInt())
                .isEqualTo(2);
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode service =
                    ModuleSource.environment(name).moduleCall("ecs_service").body();
            assertThat(service.path("min_tasks").asText()).isEqualTo("${var.min_tasks}");
            assertThat(service.path("load_balancer_arn_suffix").asText()).isEqualTo("${module.alb.arn_suffix}");
            assertThat(service.path("target_group_arn_suffix").asText())
                    .isEqualTo("${module.alb.target_group_arn_suffix}");
            assertThat(service.path("fargate_spot").asText()).isEqualTo("${var.fargate_spot}");
        }
    }

    @Test
    void fargateSpotIsAWeightedOptionOnInStagingOnly() {
        Block service = ECS.resource("aws_ecs_service", "this");
        JsonNode strategy = ECS.locals().path("capacity_provider_strategy");
        JsonNode cluster =
                ECS.resource("aws_ecs_cluster_capacity_providers", "this").body();

        assertThat(service.body().path("launch_type").asText())
                .as("on demand keeps the launch type (no replacement of prod's service)")
                .isEqualTo("${var.fargate_spot.enabled ? null : \"FARGATE\"}");
        assertThat(service.nested("capacity_provider_strategy"))
                .singleElement()
                .satisfies(
                        dynamic -> assertThat(dynamic.path("capacity_provider").asText())
                                .isEqualTo("${capacity_provider_strategy.value.capacity_provider}"));
        assertThat(service.body()
                        .path("dynamic")
                        .path("capacity_provider_strategy")
                        .get(0)
                        .path("for_each")
                        .asText())
                .isEqualTo("${local.capacity_provider_strategy}");
        assertThat(strategy.asText())
                .contains(
                        "var.fargate_spot.enabled",
                        "FARGATE_SPOT",
                        "var.fargate_spot.spot_weight",
                        "var.fargate_spot.on_demand_base");
        assertThat(TerraformConfiguration.strings(cluster.path("capacity_providers")))
                .containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(ECS.variableDefault("fargate_spot").path("enabled").asBoolean(true))
                .as("module default")
                .isFalse();

        assertThat(TerraformConfiguration.tfvarsExample("staging")
                        .path("fargate_spot")
                        .path("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(TerraformConfiguration.tfvarsExample("staging")
                        .path("fargate_spot")
                        .path("on_demand_base")
                        .asInt())
                .as("a Spot interruption wave leaves an on-demand task")
                .isPositive();
        assertThat(TerraformConfiguration.tfvarsExample("prod")
                        .path("fargate_spot")
                        .path("enabled")
                        .asBoolean(false))
                .isFalse();
    }

    @Test
    void stickinessIsOffByDefaultAndTheProbeIntervalDifferenceIsDocumented() {
        Block targetGroup = ALB.resource("aws_lb_target_group", "this");
        JsonNode stickiness = targetGroup.nested("stickiness").getFirst();

        assertThat(stickiness.path("type").asText()).isEqualTo("lb_cookie");
        assertThat(stickiness.path("enabled").asText()).isEqualTo("${var.stickiness.enabled}");
        assertThat(ALB.variableDefault("stickiness").path("enabled").asBoolean(true))
                .isFalse();
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            assertThat(ModuleSource.environment(name)
                            .moduleCall("alb")
                            .body()
                            .path("stickiness")
                            .asText())
                    .isEqualTo("${var.alb_stickiness}");
            assertThat(TerraformConfiguration.tfvarsExample(name).has("alb_stickiness"))
                    .as(name + " keeps the default")
                    .isFalse();
        }

        int interval = ALB.valueOf(targetGroup.nested("health_check").getFirst(), "interval")
                .asInt();
        String readme = RepositoryLayout.read(RepositoryLayout.MODULES.resolve("alb/README.md"));
        if (interval != 30) {
            assertThat(readme)
                    .as("the ALB README says why the interval differs from the seed's 30 s")
                    .contains("Health-check interval: " + interval + " s, where the seed")
                    .contains(3 * interval + " s instead of 90 s");
        }
    }

    private static JsonNode tracking(String policy) {
        return ECS.resource("aws_appautoscaling_policy", policy)
                .nested("target_tracking_scaling_policy_configuration")
                .getFirst();
    }
}
