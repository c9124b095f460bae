package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Blue/green: after a swap the tasks sit in the alternate target group, so a guard alarm dimensioned on one target
 * group goes blind (and ECS's deployment alarms with it). Every alarm over a per-target-group ALB metric must read
 * it from every target group the service can serve from, and return one aggregate over them.
 */
class GuardAlarmsPolicyTest {
    /** ALB metrics published per target group (a TargetGroup dimension is what makes them blind to the other one). */
    private static final Set<String> PER_TARGET_GROUP_METRICS = Set.of(
            "RequestCount",
            "HTTPCode_Target_5XX_Count",
            "HTTPCode_Target_4XX_Count",
            "TargetResponseTime",
            "UnHealthyHostCount",
            "HealthyHostCount");

    private static final String EVERY_TARGET_GROUP = "${local.target_groups}";

    private final ModuleSource observability = ModuleSource.module("observability");

    @Test
    void theTargetGroupsAreThePrimaryAndTheBlueGreenAlternate() {
        String targetGroups = observability.locals().path("target_groups").asText();

        assertThat(targetGroups)
                .contains(
                        "var.target_group_arn_suffix",
                        "var.alternate_target_group_arn_suffix",
                        "var.load_balancer_arn_suffix");
        assertThat(observability
                        .variableDefault("alternate_target_group_arn_suffix")
                        .isNull())
                .as("rolling deployments have no alternate target group")
                .isTrue();
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            assertThat(ModuleSource.environment(name)
                            .moduleCall("observability")
                            .body()
                            .path("alternate_target_group_arn_suffix")
                            .asText())
                    .as(name + " passes the alternate target group (null without blue/green)")
                    .isEqualTo("${module.alb.alternate_target_group_arn_suffix}");
        }
        assertThat(ModuleSource.module("alb").configuration().files().entrySet().stream()
                        .filter(file -> file.getKey().getParent().equals(RepositoryLayout.MODULES.resolve("alb")))
                        .map(file -> file.getValue().path("output").path("alternate_target_group_arn_suffix"))
                        .filter(output -> !output.isMissingNode())
                        .findFirst()
                        .orElseThrow()
                        .get(0)
                        .path("value")
                        .asText())
                .contains("var.enable_blue_green", "arn_suffix");
    }

    @Test
    void noSingleMetricGuardAlarmWatchesOneTargetGroup() {
        observability
                .locals()
                .path("metric_alarms")
                .properties()
                .forEach(alarm -> assertThat(alarm.getValue().path("metric").asText())
                        .as(alarm.getKey())
                        .isNotIn(PER_TARGET_GROUP_METRICS));
        for (Block alarm : observability.resources("aws_cloudwatch_metric_alarm")) {
            assertThat(alarm.body().path("metric_name").asText())
                    .as(alarm.address())
                    .isNotIn(PER_TARGET_GROUP_METRICS);
            alarm.body()
                    .path("metric_query")
                    .forEach(query -> query.path("metric")
                            .forEach(metric -> assertThat(
                                            metric.path("metric_name").asText())
                                    .as(alarm.address() + " query "
                                            + query.path("id").asText() + " reads one target group")
                                    .isNotIn(PER_TARGET_GROUP_METRICS)));
        }
    }

    @Test
    void perTargetGroupMetricsAreReadFromEveryTargetGroupAndAggregated() {
        List<Block> overTargetGroups = observability.resources("aws_cloudwatch_metric_alarm").stream()
                .filter(alarm ->
                        !alarm.body().path("dynamic").path("metric_query").isMissingNode())
                .toList();
        assertThat(overTargetGroups)
                .extracting(Block::name)
                .as("the target-group guard alarms")
                .containsExactlyInAnyOrder("error_rate", "target_group");

        for (Block alarm : overTargetGroups) {
            for (JsonNode dynamic : alarm.body().path("dynamic").path("metric_query")) {
                assertThat(dynamic.path("for_each").asText())
                        .as(alarm.address())
                        .isEqualTo(EVERY_TARGET_GROUP);
                dynamic.path("content")
                        .forEach(content -> content.path("metric")
                                .forEach(metric -> assertThat(
                                                metric.path("dimensions").asText())
                                        .as(alarm.address() + " dimensions")
                                        .isEqualTo("${metric_query.value}")));
            }
            List<JsonNode> returned = alarm.nested("metric_query").stream()
                    .filter(query -> query.path("return_data").asBoolean())
                    .toList();
            assertThat(returned)
                    .as(alarm.address() + " returns one series")
                    .singleElement()
                    .satisfies(query -> assertThat(query.has("expression"))
                            .as("an aggregate expression")
                            .isTrue());
        }
        assertThat(observability.locals().path("guard_alarms").asText())
                .contains("aws_cloudwatch_metric_alarm.error_rate", "values(aws_cloudwatch_metric_alarm.target_group)");
    }
}
