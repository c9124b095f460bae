package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitleaks over every commit of the repository, with .gitleaks.toml (the known test fixtures, each with its reason). */
class SecretScanTest {

    private static final Path CONFIG = RepositoryLayout.ROOT.resolve(".gitleaks.toml");

    /** Every commit the checked-out one descends from (not other local branches: a worktree sees those). */
    @Test
    void noCommitHoldsASecret(@TempDir Path reports) throws IOException {
        Path report = reports.resolve("gitleaks.json");

        ExternalTool.Result result = scan(
                RepositoryLayout.ROOT,
                List.of("--log-opts=HEAD", "--redact", "--report-format", "json", "--report-path", report.toString()));

        assertThat(result.exitCode())
                .as(result.describe() + "\nfindings (.gitleaks.toml allows fixtures):\n"
                        + (Files.exists(report) ? Files.readString(report) : "no report"))
                .isZero();
    }

    /** The seeded violation: an AWS key committed next to an allowed fixture is found, the fixture is not. */
    @Test
    void aCommittedKeyIsFoundAndAnAllowedFixtureIsNot(@TempDir Path checkout) throws IOException {
        ExternalTool git = ExternalTool.require("git");
        // Built at run time, so that this file does not hold what it plants.
        String awsKey = "AKIA" + "QX7RT2MZ4WNB6KJH";
        Files.writeString(checkout.resolve("deploy.env"), "AWS_ACCESS_KEY_ID=" + awsKey + "\n");
        Files.writeString(
                checkout.resolve("probe.sh"),
                "curl -H \"Authorization: Bearer sk_test_" + "local\" http://127.0.0.1:12111/v1/balance\n");
        for (List<String> step : List.of(
                List.of("init", "-q"),
                List.of("add", "."),
                List.of(
                        "-c",
                        "user.name=Seed",
                        "-c",
                        "user.email=seed@example.com",
                        "-c",
                        "commit.gpgsign=false",
                        "commit",
                        "-q",
                        "-m",
                        "planted"))) {
            List<String> arguments = new ArrayList<>(List.of("-C", checkout.toString()));
            arguments.addAll(step);
            ExternalTool.Result result = git.run(arguments);
            assertThat(result.exitCode()).as(result.describe()).isZero();
        }
        Path report = Files.createTempFile("gitleaks", ".json");

        ExternalTool.Result result =
                scan(checkout, List.of("--report-format", "json", "--report-path", report.toString()));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(report.toFile());
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("RuleID").asText()).isEqualTo("aws-access-token");
        assertThat(findings.get(0).get("File").asText()).isEqualTo("deploy.env");
        Files.delete(report);
    }

    private static ExternalTool.Result scan(Path repository, List<String> options) {
        ExternalTool gitleaks = ExternalTool.require("gitleaks");
        List<String> arguments = new ArrayList<>(
                List.of("git", "--no-banner", "--no-color", "--config", CONFIG.toString(), "--exit-code", "1"));
        arguments.addAll(options);
        arguments.add(repository.toString());
        return gitleaks.run(arguments, Map.of(), Duration.ofMinutes(5));
    }
}
