package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * terraform validate against the real hashicorp/aws provider schema: every module and environment
 * with zero errors and zero warnings (deprecations included), which parsing alone cannot check.
 */
class TerraformValidateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path MISSPELLED_ARGUMENT = RepositoryLayout.TERRAFORM.resolve("tests/fixtures/misspelled-argument");

    @TestFactory
    Stream<DynamicTest> everyModuleAndEnvironmentValidatesWithoutErrorsOrWarnings() {
        TerraformCli terraform = TerraformCli.require();
        Stream<Path> environments = Stream.of("common", "prod", "staging").map(RepositoryLayout.ENVIRONMENTS::resolve);
        return Stream.concat(RepositoryLayout.moduleDirectories().stream(), environments)
                .map(dir -> DynamicTest.dynamicTest(
                        RepositoryLayout.TERRAFORM.relativize(dir).toString(), () -> {
                            JsonNode report = validate(terraform, dir);
                            assertThat(report.path("error_count").asInt()
                                            + report.path("warning_count").asInt())
                                    .as("diagnostics of terraform validate in " + dir + ":\n"
                                            + report.path("diagnostics").toPrettyString())
                                    .isZero();
                            assertThat(report.path("valid").asBoolean()).isTrue();
                        }));
    }

    /** The check above can fail: a misspelled argument, which parses as HCL, is an error. */
    @Test
    void aMisspelledResourceArgumentFailsValidation() {
        JsonNode report = validate(TerraformCli.require(), MISSPELLED_ARGUMENT);

        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("diagnostics")).anySatisfy(diagnostic -> {
            assertThat(diagnostic.path("severity").asText()).isEqualTo("error");
            assertThat(diagnostic.path("summary").asText()).isEqualTo("Unsupported argument");
            assertThat(diagnostic.path("detail").asText()).contains("\"visibility_timeout_second\"");
        });
    }

    private static JsonNode validate(TerraformCli terraform, Path dir) {
        terraform.init(dir);
        ExternalTool.Result result =
                terraform.run(dir, List.of("validate", "-json", "-no-color"), Map.of(), Duration.ofMinutes(5));
        try {
            return JSON.readTree(result.stdout());
        } catch (Exception e) {
            throw new AssertionError("terraform validate -json printed no JSON:\n" + result.describe(), e);
        }
    }
}
