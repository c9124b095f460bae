package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** actionlint (with shellcheck on the workflow scripts), hadolint, shellcheck and terraform fmt are clean. */
class LintersTest {

    @Test
    void actionlintFindsNothingInTheWorkflows() {
        ExternalTool actionlint = ExternalTool.require("actionlint");
        List<String> arguments = new ArrayList<>(List.of("-no-color"));
        RepositoryLayout.workflowFiles().forEach(file -> arguments.add(file.toString()));

        assertThat(RepositoryLayout.workflowFiles())
                .extracting(file -> file.getFileName().toString())
                .contains("ci.yml", "terraform.yml");
        ExternalTool.Result result = actionlint.run(arguments);
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void hadolintFindsNothingInTheDockerfile() {
        ExternalTool hadolint = ExternalTool.require("hadolint");
        Path config = RepositoryLayout.ROOT.resolve(".hadolint.yaml");

        ExternalTool.Result result = hadolint.run(List.of(
                "--config", config.toString(), "--failure-threshold", "info", RepositoryLayout.DOCKERFILE.toString()));
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    /** Every shell script of the repository (found by its shebang, see ShellScripts), sourced files followed. */
    @Test
    void shellcheckFindsNothingInAnyShellScript() {
        ExternalTool shellcheck = ExternalTool.require("shellcheck");
        List<Path> scripts = ShellScripts.under(RepositoryLayout.ROOT);

        assertThat(scripts)
                .extracting(script -> RepositoryLayout.ROOT.relativize(script).toString())
                .contains(
                        "scripts/test",
                        "scripts/build-runtime-image",
                        "scripts/lib/api-jar.sh",
                        ".ci/run",
                        "bench/api-load",
                        "bench/lib/common.sh",
                        "mvnw");
        ExternalTool.Result result = shellcheck.run(shellcheckArguments(scripts));
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    /** The seeded violation: a new script, without suffix, in a new directory, is found and fails the check. */
    @Test
    void shellcheckFailsOnAPlantedScript(@TempDir Path checkout) throws IOException {
        ExternalTool shellcheck = ExternalTool.require("shellcheck");
        Path planted = Files.createDirectories(checkout.resolve("tools")).resolve("clean-up");
        Files.writeString(planted, "#!/usr/bin/env bash\nrm -rf $1/*\n");
        Files.writeString(
                Files.createDirectories(checkout.resolve("target")).resolve("copied"), "#!/bin/sh\necho $1\n");

        assertThat(ShellScripts.under(checkout)).containsExactly(planted);
        ExternalTool.Result result = shellcheck.run(shellcheckArguments(List.of(planted)));
        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stdout()).contains("SC2086");
    }

    private static List<String> shellcheckArguments(List<Path> scripts) {
        List<String> arguments =
                new ArrayList<>(List.of("--external-sources", "--source-path=SCRIPTDIR", "--format=gcc"));
        scripts.forEach(script -> arguments.add(script.toString()));
        return arguments;
    }

    /** terraform fmt runs offline; only the binary is needed, so this one skips whenever it is missing. */
    @Test
    void terraformFilesAreCanonicallyFormatted() {
        var terraform = ExternalTool.find("terraform");
        assumeTrue(terraform.isPresent(), "terraform binary not on PATH: formatting not checked");

        ExternalTool.Result result = terraform
                .orElseThrow()
                .run(
                        List.of("fmt", "-check", "-recursive", "-diff", RepositoryLayout.TERRAFORM.toString()),
                        Map.of("TF_CLI_CONFIG_FILE", "/dev/null", "CHECKPOINT_DISABLE", "1"),
                        Duration.ofMinutes(2));
        assertThat(result.exitCode())
                .as("files terraform fmt would change:\n" + result.describe())
                .isZero();
    }
}
