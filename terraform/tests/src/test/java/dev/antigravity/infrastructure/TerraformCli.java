package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terraform binary with the pinned hashicorp/aws provider from the local filesystem mirror
 * that scripts/install-terraform-provider builds (the registry is unreachable here). Its CLI
 * configuration is passed as TF_CLI_CONFIG_FILE, so the user's ~/.terraformrc is never involved,
 * and each configuration's .terraform data lives under target/, outside the checkout.
 * Missing provider: the test is skipped, or fails when REQUIRE_INTEGRATION=true.
 */
final class TerraformCli {

    static final String PROVIDER_VERSION = "6.48.0";
    static final Path CLI_CONFIG = ExternalTool.TOOLS_DIR.resolve("terraform-providers.tfrc");
    static final Path PROVIDER =
            ExternalTool.TOOLS_DIR.resolve("terraform-providers/registry.terraform.io/hashicorp/aws/" + PROVIDER_VERSION
                    + "/linux_amd64/terraform-provider-aws_v" + PROVIDER_VERSION);
    private static final Path DATA_DIRS = RepositoryLayout.TERRAFORM.resolve("tests/target/terraform-data");
    private static final Set<Path> INITIALISED = ConcurrentHashMap.newKeySet();

    private final ExternalTool terraform;

    private TerraformCli(ExternalTool terraform) {
        this.terraform = terraform;
    }

    /** terraform with the pinned provider, or a skipped (with REQUIRE_INTEGRATION=true, failed) test. */
    static TerraformCli require() {
        ExternalTool terraform = ExternalTool.require("terraform");
        if (!Files.isExecutable(PROVIDER) || !Files.isRegularFile(CLI_CONFIG)) {
            ExternalTool.unavailable(
                    "hashicorp/aws " + PROVIDER_VERSION + " is not installed as " + PROVIDER
                            + " with its CLI configuration " + CLI_CONFIG
                            + ": run scripts/install-test-tools (or scripts/install-terraform-provider; the first build takes an hour or more on 2 cores)");
        }
        return new TerraformCli(terraform);
    }

    /**
     * terraform init -backend=false, once per configuration directory and test run. init writes
     * .terraform.lock.hcl into the configuration (TF_DATA_DIR does not move it) and every later
     * command needs it: one this run created is deleted when the run ends, so the checkout is left
     * as it was (its checksums are the local build's, never to be committed).
     */
    void init(Path dir) {
        if (INITIALISED.contains(dir)) {
            return;
        }
        Path lockFile = dir.resolve(".terraform.lock.hcl");
        if (!Files.exists(lockFile)) {
            deleteWhenTheRunEnds(lockFile);
        }
        ExternalTool.Result result = run(
                dir, List.of("init", "-backend=false", "-input=false", "-no-color"), Map.of(), Duration.ofMinutes(5));
        assertThat(result.exitCode())
                .as("terraform init in " + dir + "\n" + result.describe())
                .isZero();
        INITIALISED.add(dir);
    }

    /** Runs terraform in dir (-chdir) with the mirror's CLI configuration plus the given variables. */
    ExternalTool.Result run(Path dir, List<String> arguments, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add("-chdir=" + dir);
        command.addAll(arguments);
        Map<String, String> variables = new HashMap<>(Map.of(
                "TF_CLI_CONFIG_FILE", CLI_CONFIG.toString(),
                "TF_DATA_DIR", dataDir(dir).toString(),
                "TF_IN_AUTOMATION", "1",
                "TF_INPUT", "0",
                "CHECKPOINT_DISABLE", "1"));
        variables.putAll(environment);
        return terraform.run(command, variables, timeout);
    }

    private static void deleteWhenTheRunEnds(Path file) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("could not delete " + file + ": " + e);
            }
        }));
    }

    private static Path dataDir(Path dir) {
        Path relative = RepositoryLayout.ROOT.relativize(dir.toAbsolutePath().normalize());
        String name =
                relative.startsWith("..") ? dir.toAbsolutePath().normalize().toString() : relative.toString();
        return DATA_DIRS.resolve(name.replace('/', '_'));
    }
}
