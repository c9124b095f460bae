package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** actionlint (with shellcheck on the workflow scripts), hadolint, shellcheck and terraform fmt are clean. */
class LintersTest {

    @Test
    void actionlintFindsNothingInTheWorkflows() {
        ExternalTool actionlint = ExternalTool.require("actionlint");
        List<String> arguments = new ArrayList<>(List.of("-no-color"));
        RepositoryLayout.workflowFiles().forEach(file -> arguments.add(file.toString()));

        assertThat(RepositoryLayout.workflowFiles()).extracting(file -> file.getFileName().toString())
                .contains("ci.yml", "terraform.yml");
        ExternalTool.Result result = actionlint.run(arguments);
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void hadolintFindsNothingInTheDockerfile() {
        ExternalTool hadolint = ExternalTool.require("hadolint");
        Path config = RepositoryLayout.ROOT.resolve(".hadolint.yaml");

        ExternalTool.Result result = hadolint.run(List.of("--config", config.toString(), "--failure-threshold", "info",
                RepositoryLayout.DOCKERFILE.toString()));
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void shellcheckFindsNothingInTheImageScript() {
        ExternalTool shellcheck = ExternalTool.require("shellcheck");

        ExternalTool.Result result = shellcheck.run(List.of(RepositoryLayout.ROOT.resolve("scripts/build-runtime-image").toString()));
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    /** terraform fmt runs offline; only the binary is needed, so this one skips whenever it is missing. */
    @Test
    void terraformFilesAreCanonicallyFormatted() {
        var terraform = ExternalTool.find("terraform");
        assumeTrue(terraform.isPresent(), "terraform binary not on PATH: formatting not checked");

        ExternalTool.Result result = terraform.orElseThrow().run(
                List.of("fmt", "-check", "-recursive", "-diff", RepositoryLayout.TERRAFORM.toString()),
                Map.of("TF_CLI_CONFIG_FILE", "/dev/null", "CHECKPOINT_DISABLE", "1"), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as("files terraform fmt would change:\n" + result.describe()).isZero();
    }
}
