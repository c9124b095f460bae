package dev.antigravity.infrastructure;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A checker program (checkov, actionlint, hadolint, node, terraform) found on PATH or in
 * $ANTIGRAVITY_TOOLS_DIR/bin. A missing checker skips the test, unless REQUIRE_INTEGRATION=true
 * makes that a failure: CI must never pass because a checker silently did not run.
 */
final class ExternalTool {

    static final Path TOOLS_DIR = Path.of(Optional.ofNullable(System.getenv("ANTIGRAVITY_TOOLS_DIR"))
            .filter(dir -> !dir.isBlank())
            .orElse("/opt/antigravity-tools"));

    private final Path executable;

    private ExternalTool(Path executable) {
        this.executable = executable;
    }

    /** The tool, or a skipped (or, with REQUIRE_INTEGRATION=true, failed) test. */
    static ExternalTool require(String name) {
        return find(name).orElseGet(() -> {
            unavailable(name + " not found on PATH nor in " + TOOLS_DIR.resolve("bin")
                    + " (scripts/install-test-tools installs it; scripts/test installs it and runs every test)");
            throw new AssertionError("unreachable");
        });
    }

    static Optional<ExternalTool> find(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(
                        Stream.of(path.split(File.pathSeparator)),
                        Stream.of(TOOLS_DIR.resolve("bin").toString()))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .map(ExternalTool::new);
    }

    /** Skips the calling test, or fails it when REQUIRE_INTEGRATION=true. */
    static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_INTEGRATION"))) {
            fail(reason + " — REQUIRE_INTEGRATION=true turns this skip into a failure");
        }
        assumeTrue(false, reason);
    }

    /** The tool's path, for callers that manage the process themselves (servers). */
    Path executable() {
        return executable;
    }

    Result run(List<String> arguments, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Path output = Files.createTempFile("tool-output", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(RepositoryLayout.ROOT.toFile())
                    .redirectErrorStream(false)
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            output.resolveSibling(output.getFileName() + ".err").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            Path errors = output.resolveSibling(output.getFileName() + ".err");
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(output, StandardCharsets.UTF_8),
                    Files.exists(errors) ? Files.readString(errors, StandardCharsets.UTF_8) : "");
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result run(List<String> arguments) {
        return run(arguments, Map.of(), Duration.ofMinutes(5));
    }

    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
