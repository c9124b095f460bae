package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each module's own `terraform test` suite (modules/NAME/tests/*.tftest.hcl): plan-only runs
 * against the mocked provider (terraform/tests/mocks/aws) asserting what the module's README
 * promises and that its variable validations reject bad input.
 */
class TerraformModuleTestsTest {

    @TestFactory
    Stream<DynamicTest> everyModulesTerraformTestsPass() {
        TerraformCli terraform = TerraformCli.require();
        return RepositoryLayout.moduleDirectories().stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    assertThat(testFiles(dir))
                            .as("terraform test files in " + dir.resolve("tests"))
                            .isNotEmpty();
                    terraform.init(dir);

                    ExternalTool.Result result =
                            terraform.run(dir, List.of("test", "-no-color"), Map.of(), Duration.ofMinutes(10));

                    assertThat(result.exitCode()).as(result.describe()).isZero();
                    assertThat(result.stdout())
                            .as(result.describe())
                            .containsPattern("Success! [1-9][0-9]* passed, 0 failed\\.");
                }));
    }

    private static List<Path> testFiles(Path module) {
        Path tests = module.resolve("tests");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tests)) {
            return files.filter(file -> file.toString().endsWith(".tftest.hcl")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
