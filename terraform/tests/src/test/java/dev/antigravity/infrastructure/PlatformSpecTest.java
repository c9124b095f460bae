package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings the issue specifies, read from the parsed modules and their defaults. */
class PlatformSpecTest {

    @Test
    void loadBalancerRedirectsHttpAndServesModernTlsWithHealthChecksOnHealth() {
        ModuleSource alb = ModuleSource.module("alb");
        JsonNode redirect =
                alb.resource("aws_lb_listener", "http").nested("default_action").getFirst();
        Block https = alb.resource("aws_lb_listener", "https");
        Block targets = alb.resource("aws_lb_target_group", "this");

        assertThat(redirect.path("type").asText()).isEqualTo("redirect");
        assertThat(redirect.path("redirect").get(0).path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(redirect.path("redirect").get(0).path("status_code").asText())
                .isEqualTo("HTTP_301");
        assertThat(https.body().path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(https.body().path("certificate_arn").asText()).isEqualTo("${var.certificate_arn}");
        assertThat(alb.valueOf(https.body(), "ssl_policy").asText()).startsWith("ELBSecurityPolicy-TLS13-1-2-Res");
        assertThat(alb.valueOf(targets.nested("health_check").getFirst(), "path")
                        .asText())
                .isEqualTo("/health");
        assertThat(alb.valueOf(targets.body(), "deregistration_delay").asInt()).isBetween(1, 300);
        assertThat(alb.resources("aws_lb_listener")).extracting(Block::name).contains("test");
    }

    @Test
    void serviceRollsBackOnCircuitBreakerAndAlarmsWithTheSpecifiedDeploymentWindow() {
        ModuleSource ecs = ModuleSource.module("ecs-service");
        Block service = ecs.resource("aws_ecs_service", "this");
        JsonNode cluster =
                ecs.resource("aws_ecs_cluster", "this").nested("setting").getFirst();

        assertThat(cluster.path("name").asText()).isEqualTo("containerInsights");
        assertThat(cluster.path("value").asText()).isIn("enabled", "enhanced");
        assertThat(service.nested("deployment_circuit_breaker")).singleElement().satisfies(breaker -> {
            assertThat(breaker.path("enable").asBoolean()).isTrue();
            assertThat(breaker.path("rollback").asBoolean()).isTrue();
        });
        assertThat(service.nested("alarms")).singleElement().satisfies(alarms -> {
            assertThat(alarms.path("alarm_names").asText()).isEqualTo("${var.deployment_alarm_names}");
            assertThat(alarms.path("rollback").asBoolean()).isTrue();
        });
        assertThat(ecs.valueOf(service.body(), "deployment_minimum_healthy_percent")
                        .asInt())
                .isEqualTo(66);
        assertThat(ecs.valueOf(service.body(), "deployment_maximum_percent").asInt())
                .isEqualTo(150);
        assertThat(service.body()
                        .path("lifecycle")
                        .get(0)
                        .path("ignore_changes")
                        .toString())
                .contains("task_definition");
    }

    @Test
    void serviceScalesTwoToTenOnCpuSeventyWithCooldownsAndHalfAVcpuTasks() {
        ModuleSource ecs = ModuleSource.module("ecs-service");
        JsonNode target = ecs.resource("aws_appautoscaling_target", "service").body();
        JsonNode tracking = ecs.resource("aws_appautoscaling_policy", "cpu")
                .nested("target_tracking_scaling_policy_configuration")
                .getFirst();
        JsonNode task = ecs.resource("aws_ecs_task_definition", "this").body();

        assertThat(ecs.valueOf(target, "min_capacity").asInt()).isEqualTo(2);
        assertThat(ecs.valueOf(target, "max_capacity").asInt()).isEqualTo(10);
        assertThat(ecs.valueOf(tracking, "target_value").asInt()).isEqualTo(70);
        assertThat(ecs.valueOf(tracking, "scale_in_cooldown").asInt()).isPositive();
        assertThat(ecs.valueOf(tracking, "scale_out_cooldown").asInt()).isPositive();
        assertThat(tracking.path("predefined_metric_specification")
                        .get(0)
                        .path("predefined_metric_type")
                        .asText())
                .isEqualTo("ECSServiceAverageCPUUtilization");
        assertThat(ecs.valueOf(task, "cpu").asInt()).isEqualTo(512);
        assertThat(ecs.valueOf(task, "memory").asInt()).isEqualTo(1024);
        assertThat(task.path("container_definitions").asText())
                .contains("awslogs", "secrets", "readonlyRootFilesystem = true");
    }

    @Test
    void environmentsGuardDeploymentsWithTheObservabilityAlarms() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            assertThat(environment
                            .moduleCall("ecs_service")
                            .body()
                            .path("deployment_alarm_names")
                            .asText())
                    .isEqualTo("${module.observability.guard_alarm_names}");
            assertThat(environment
                            .moduleCall("deploy_hooks")
                            .body()
                            .path("guard_alarm_arns")
                            .asText())
                    .isEqualTo("${module.observability.guard_alarm_arns}");
        }
    }

    @Test
    void observabilityDefinesTheFiveGuardAlarmsALogGroupWithRetentionAndADashboard() {
        ModuleSource observability = ModuleSource.module("observability");
        JsonNode metricAlarms = observability.locals().path("metric_alarms");
        JsonNode targetGroupAlarms = observability.locals().path("target_group_alarms");
        List<String> metrics = new ArrayList<>();
        metricAlarms.forEach(alarm -> metrics.add(alarm.path("metric").asText()));
        targetGroupAlarms.forEach(alarm -> metrics.add(alarm.path("metric").asText()));
        observability
                .resource("aws_cloudwatch_metric_alarm", "error_rate")
                .nested("metric_query")
                .forEach(query -> query.path("metric")
                        .forEach(
                                metric -> metrics.add(metric.path("metric_name").asText())));

        assertThat(metrics)
                .contains(
                        "HTTPCode_Target_5XX_Count",
                        "TargetResponseTime",
                        "RunningTaskCount",
                        "MemoryUtilization",
                        "UnHealthyHostCount");
        assertThat(metricAlarms.size() + targetGroupAlarms.size() + 1)
                .as("guard alarms")
                .isEqualTo(5);
        assertThat(targetGroupAlarms.path("p99-latency").path("stat").asText()).isEqualTo("p99");
        assertThat(observability.locals().path("guard_alarms").asText())
                .contains(
                        "aws_cloudwatch_metric_alarm.error_rate",
                        "values(aws_cloudwatch_metric_alarm.guard)",
                        "values(aws_cloudwatch_metric_alarm.target_group)");
        assertThat(observability
                        .valueOf(
                                observability
                                        .resource("aws_cloudwatch_log_group", "service")
                                        .body(),
                                "retention_in_days")
                        .asInt())
                .isPositive();
        assertThat(observability.resources("aws_cloudwatch_dashboard")).hasSize(1);
    }

    @Test
    void everyLogGroupHasRetentionAndEncryption() {
        assertThat(TerraformConfiguration.parsed().resources("aws_cloudwatch_log_group"))
                .hasSizeGreaterThan(3)
                .allSatisfy(group -> {
                    assertThat(group.body().has("retention_in_days"))
                            .as(group.address())
                            .isTrue();
                    assertThat(group.body().path("kms_key_id").asText())
                            .as(group.address())
                            .isEqualTo("${var.kms_key_arn}");
                });
    }

    @Test
    void repositoryScansOnPushKeepsTagsImmutableAndExpiresOldImages() {
        ModuleSource ecr = ModuleSource.module("ecr");
        Block repository = ecr.resource("aws_ecr_repository", "this");

        assertThat(repository.body().path("image_tag_mutability").asText()).isEqualTo("IMMUTABLE");
        assertThat(repository
                        .nested("image_scanning_configuration")
                        .getFirst()
                        .path("scan_on_push")
                        .asBoolean())
                .isTrue();
        assertThat(ecr.resource("aws_ecr_lifecycle_policy", "this")
                        .body()
                        .path("policy")
                        .asText())
                .contains("imageCountMoreThan", "var.keep_last_images");
    }

    @Test
    void databaseIsEncryptedWithAManagedMasterPassword() {
        JsonNode database = ModuleSource.module("database")
                .resource("aws_db_instance", "this")
                .body();

        assertThat(database.path("storage_encrypted").asBoolean()).isTrue();
        assertThat(database.path("manage_master_user_password").asBoolean()).isTrue();
        assertThat(database.has("password")).isFalse();
        assertThat(database.path("deletion_protection").asText()).isEqualTo("${var.deletion_protection}");
    }
}
