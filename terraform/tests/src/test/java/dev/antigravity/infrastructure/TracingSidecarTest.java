package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, tracing in AWS: the task runs an ADOT collector beside the API (not essential), the API exports to the
 * address the collector receives on, the collector sends to X-Ray with the task role, and sampling is configurable.
 */
class TracingSidecarTest {
    private final ModuleSource ecsService = ModuleSource.module("ecs-service");

    @Test
    void theApiExportsToTheCollectorWhichSendsToXRay() {
        JsonNode locals = ecsService.locals();
        assertThat(locals.path("tracing_environment").asText())
                .contains(
                        "TRACING_ENDPOINT = \"http://${local.tracing_receiver}/v1/traces\"",
                        "TRACING_RATIO    = tostring(var.tracing.sampling_ratio)");
        assertThat(locals.path("collector_configuration").asText())
                .contains("endpoint = local.tracing_receiver", "awsxray", "traces");
        assertThat(locals.path("environment").asText()).contains("local.tracing_environment");

        String sidecars = locals.path("sidecars").asText();
        assertThat(sidecars)
                .contains(
                        "\"adot-collector\"",
                        "essential              = false",
                        "AOT_CONFIG_CONTENT",
                        "var.tracing.collector_image",
                        "readonlyRootFilesystem = true");
        assertThat(ecsService
                        .resource("aws_ecs_task_definition", "this")
                        .body()
                        .path("container_definitions")
                        .asText())
                .contains("local.sidecars");

        assertThat(ecsService.data("aws_iam_policy_document").stream()
                        .filter(d -> d.name().equals("tracing"))
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .toString())
                .contains("xray:PutTraceSegments");
        assertThat(ecsService
                        .resource("aws_iam_role_policy", "tracing")
                        .body()
                        .path("role")
                        .asText())
                .isEqualTo("${aws_iam_role.task.id}");
        assertThat(ecsService.variableDefault("tracing").path("sampling_ratio").asDouble())
                .isBetween(0.0, 1.0);
    }
}
