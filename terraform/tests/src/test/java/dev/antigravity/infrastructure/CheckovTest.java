package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** checkov finds nothing, and everything it was told to skip says why. */
class CheckovTest {

    /** #checkov:skip=CKV_AWS_123:reason, with a reason of a few words at least. */
    private static final Pattern SKIP = Pattern.compile("checkov:skip=(CKV2?_[A-Z0-9]+_\\d+)(?::(.*))?");

    private static final Map<String, String> OFFLINE = Map.of(
            // Offline: no download of Prisma Cloud guidelines, no mapping lookups.
            "BC_SKIP_MAPPING", "TRUE",
            "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2", "false");

    @Test
    void terraformHasNoFailedCheck() throws Exception {
        // terraform/tests holds test fixtures (deliberately incomplete or broken) and build output.
        JsonNode report = checkov(
                "-d",
                RepositoryLayout.TERRAFORM.toString(),
                "--framework",
                "terraform",
                "--skip-path",
                "terraform/tests/");

        assertThat(summaries(report)).allSatisfy(summary -> {
            assertThat(summary.path("parsing_errors").asInt())
                    .as("checkov parsing errors")
                    .isZero();
            assertThat(summary.path("passed").asInt()).as("checks passed").isGreaterThan(100);
        });
        assertThat(failedChecks(report)).as("failed checkov checks").isEmpty();
    }

    @Test
    void dockerfileAndWorkflowsHaveNoFailedCheck() throws Exception {
        JsonNode docker = checkov("-f", RepositoryLayout.DOCKERFILE.toString(), "--framework", "dockerfile");
        JsonNode workflows = checkov("-d", RepositoryLayout.WORKFLOWS.toString(), "--framework", "github_actions");

        assertThat(failedChecks(docker)).as("failed Dockerfile checks").isEmpty();
        assertThat(failedChecks(workflows)).as("failed workflow checks").isEmpty();
    }

    @Test
    void everySkipCarriesAJustification() throws Exception {
        List<Path> sources = new ArrayList<>(RepositoryLayout.terraformFiles());
        sources.add(RepositoryLayout.DOCKERFILE);
        sources.addAll(RepositoryLayout.workflowFiles());
        List<String> unjustified = new ArrayList<>();
        int skips = 0;
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int index = 0; index < lines.size(); index++) {
                Matcher skip = SKIP.matcher(lines.get(index));
                if (skip.find()) {
                    skips++;
                    String reason = skip.group(2) == null ? "" : skip.group(2).strip();
                    if (reason.split("\\s+").length < 5) {
                        unjustified.add(source + ":" + (index + 1) + " "
                                + lines.get(index).strip());
                    }
                }
            }
        }
        assertThat(skips).as("skips found (the scan itself works)").isPositive();
        assertThat(unjustified)
                .as("skips without a reason of at least five words")
                .isEmpty();
    }

    private static JsonNode checkov(String... target) throws Exception {
        ExternalTool checkov = ExternalTool.require("checkov");
        List<String> arguments = new ArrayList<>(List.of(target));
        arguments.addAll(List.of("--output", "json", "--quiet", "--compact", "--skip-download"));
        ExternalTool.Result result = checkov.run(arguments, OFFLINE, Duration.ofMinutes(8));
        // Exit 1 means "checks failed"; anything else but 0 is checkov itself breaking.
        assertThat(result.exitCode()).as(result.describe()).isIn(0, 1);
        String json = result.stdout().strip();
        return json.isEmpty() ? new ObjectMapper().createArrayNode() : new ObjectMapper().readTree(json);
    }

    private static List<JsonNode> reports(JsonNode report) {
        return report.isArray()
                ? Stream.iterate(0, i -> i < report.size(), i -> i + 1)
                        .map(report::get)
                        .toList()
                : List.of(report);
    }

    private static List<JsonNode> summaries(JsonNode report) {
        List<JsonNode> summaries =
                reports(report).stream().map(each -> each.path("summary")).toList();
        assertThat(summaries).as("checkov reports").isNotEmpty();
        return summaries;
    }

    private static List<String> failedChecks(JsonNode report) {
        List<String> failed = new ArrayList<>();
        for (JsonNode each : reports(report)) {
            each.path("results")
                    .path("failed_checks")
                    .forEach(check -> failed.add(check.path("check_id").asText() + " "
                            + check.path("check_name").asText() + " — "
                            + check.path("resource").asText() + " in "
                            + check.path("file_path").asText()));
        }
        return failed;
    }
}
