package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ECS ignores a Dockerfile HEALTHCHECK, so the task definition repeats it; the two must run the same probe with the
 * same timing, or ECS would judge tasks by something the image never tested.
 */
class HealthCheckAgreementTest {
    private static final Pattern HEALTHCHECK =
            Pattern.compile("(?m)^HEALTHCHECK((?:\\s+--[a-z-]+=\\S+)*)\\s*\\\\?\\s*\\n?\\s*CMD\\s+(\\[.*])\\s*$");
    private static final Pattern OPTION = Pattern.compile("--([a-z-]+)=(\\S+)");
    private static final String PORT = "${var.container_port}";

    private final ModuleSource ecsService = ModuleSource.module("ecs-service");

    record DockerHealthCheck(Map<String, String> options, List<String> command) {}

    static DockerHealthCheck dockerfileHealthCheck() throws Exception {
        String dockerfile = RepositoryLayout.read(RepositoryLayout.DOCKERFILE);
        Matcher match = HEALTHCHECK.matcher(dockerfile);
        assertThat(match.find())
                .as("the Dockerfile has an exec-form HEALTHCHECK")
                .isTrue();
        Map<String, String> options = new LinkedHashMap<>();
        Matcher option = OPTION.matcher(match.group(1));
        while (option.find()) {
            options.put(option.group(1), option.group(2));
        }
        List<String> command = new ArrayList<>();
        new ObjectMapper().readTree(match.group(2)).forEach(part -> command.add(part.asText()));
        return new DockerHealthCheck(options, command);
    }

    private static int seconds(String dockerDuration) {
        return (int) Duration.parse("PT" + dockerDuration.toUpperCase()).toSeconds();
    }

    @Test
    void theTaskDefinitionRunsTheImagesProbeWithItsTiming() throws Exception {
        DockerHealthCheck docker = dockerfileHealthCheck();
        JsonNode ecs = ecsService.locals().path("container_health_check");

        List<String> ecsCommand = new ArrayList<>();
        ecs.path("command").forEach(part -> ecsCommand.add(part.asText()));
        assertThat(ecsCommand.getFirst())
                .as("exec form, as the Dockerfile's JSON array")
                .isEqualTo("CMD");
        String dockerUrl = docker.command().getLast();
        String port = dockerUrl.replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");
        assertThat(ecsCommand.subList(1, ecsCommand.size()))
                .as("the same probe")
                .containsExactlyElementsOf(docker.command().stream()
                        .map(part -> part.replace(":" + port + "/", ":" + PORT + "/"))
                        .toList());
        assertThat(ecsService.variableDefault("container_port").asText())
                .as("the port the probe calls")
                .isEqualTo(port);

        assertThat(ecs.path("interval").asInt())
                .isEqualTo(seconds(docker.options().get("interval")))
                .isEqualTo(30);
        assertThat(ecs.path("timeout").asInt())
                .isEqualTo(seconds(docker.options().get("timeout")));
        assertThat(ecs.path("startPeriod").asInt())
                .isEqualTo(seconds(docker.options().get("start-period")))
                .isPositive();
        assertThat(ecs.path("retries").asInt())
                .isEqualTo(Integer.parseInt(docker.options().get("retries")))
                .isEqualTo(3);
    }

    @Test
    void theContainerDefinitionCarriesIt() {
        assertThat(ecsService
                        .resource("aws_ecs_task_definition", "this")
                        .body()
                        .path("container_definitions")
                        .asText())
                .contains("healthCheck", "local.container_health_check");
    }
}
