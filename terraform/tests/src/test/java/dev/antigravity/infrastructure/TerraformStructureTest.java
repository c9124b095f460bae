package dev.antigravity.infrastructure;

import static dev.antigravity.infrastructure.TerraformConfiguration.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every .tf parses; modules and environments have the layout and metadata users rely on. */
class TerraformStructureTest {

    private static final List<String> MODULES = List.of(
            "alb",
            "cache",
            "cloudtrail",
            "customer-notifications",
            "database",
            "deploy-hooks",
            "ecr",
            "ecs-service",
            "github-oidc",
            "kms",
            "network",
            "observability");

    @Test
    void everyTerraformFileParses() {
        TerraformConfiguration configuration = TerraformConfiguration.parseAll();

        assertThat(configuration.errors()).as("files HCL cannot parse").isEmpty();
        assertThat(configuration.files())
                .hasSameSizeAs(RepositoryLayout.terraformFiles())
                .hasSizeGreaterThan(40);
    }

    @Test
    void everyModuleHasTheStandardFiles() {
        assertThat(RepositoryLayout.moduleDirectories())
                .map(dir -> dir.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(MODULES);
        for (Path module : RepositoryLayout.moduleDirectories()) {
            for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
                assertThat(module.resolve(file))
                        .as(module.getFileName() + "/" + file)
                        .isRegularFile();
            }
        }
    }

    @Test
    void everyVariableIsTypedAndDescribedAndEveryOutputDescribed() {
        List<String> problems = new ArrayList<>();
        TerraformConfiguration.parsed().files().forEach((file, json) -> {
            json.path("variable").properties().forEach(variable -> {
                JsonNode body = variable.getValue().get(0);
                if (isBlank(text(body, "description")) || isBlank(text(body, "type"))) {
                    problems.add(file + ": variable " + variable.getKey() + " lacks a type or description");
                }
            });
            json.path("output").properties().forEach(output -> {
                if (isBlank(text(output.getValue().get(0), "description"))) {
                    problems.add(file + ": output " + output.getKey() + " lacks a description");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyModulePinsTerraformAndTheAwsProviderToARange() {
        for (Path module : RepositoryLayout.moduleDirectories()) {
            JsonNode terraform = TerraformConfiguration.parsed()
                    .files()
                    .get(module.resolve("versions.tf"))
                    .path("terraform")
                    .get(0);

            assertThat(text(terraform, "required_version"))
                    .as(module + " required_version")
                    .contains(">=")
                    .contains("<");
            JsonNode aws = terraform.path("required_providers").get(0).path("aws");
            assertThat(text(aws, "source")).isEqualTo("hashicorp/aws");
            assertThat(text(aws, "version"))
                    .as(module + " aws provider")
                    .contains(">= 6.29.0")
                    .contains("< 7.0.0");
            List<String> providers = new ArrayList<>();
            terraform.path("required_providers").get(0).fieldNames().forEachRemaining(providers::add);
            // The offline mirror (scripts/install-terraform-provider) holds hashicorp/aws only: with
            // another provider no module could be validated or planned here.
            assertThat(providers).as(module + " providers").containsExactly("aws");
        }
    }

    @Test
    void everyModuleValidatesSomeInput() {
        for (Path module : RepositoryLayout.moduleDirectories()) {
            JsonNode variables = TerraformConfiguration.parsed()
                    .files()
                    .get(module.resolve("variables.tf"))
                    .path("variable");
            long validated = variables.properties().stream()
                    .filter(variable -> variable.getValue().get(0).has("validation"))
                    .count();
            assertThat(validated)
                    .as(module.getFileName() + " variables with a validation block")
                    .isPositive();
        }
    }

    @Test
    void environmentsUseAnEncryptedS3BackendWithLockingAndShipAnExampleTfvars() {
        for (String environment : RepositoryLayout.ENVIRONMENT_NAMES) {
            Path dir = RepositoryLayout.ENVIRONMENTS.resolve(environment);
            JsonNode s3 = TerraformConfiguration.parsed()
                    .files()
                    .get(dir.resolve("backend.tf"))
                    .path("terraform")
                    .get(0)
                    .path("backend")
                    .path("s3")
                    .get(0);

            assertThat(s3.path("use_lockfile").asBoolean())
                    .as(environment + " use_lockfile")
                    .isTrue();
            assertThat(s3.path("encrypt").asBoolean())
                    .as(environment + " encrypt")
                    .isTrue();
            assertThat(text(s3, "key")).startsWith(environment + "/");
            assertThat(dir.resolve("terraform.tfvars.example")).isRegularFile();
            assertThat(dir.resolve("main.tf")).isRegularFile();
        }
    }

    @Test
    void environmentsTagEverythingThroughTheProviderAndExposeTheUsefulOutputs() {
        for (String environment : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode main = TerraformConfiguration.parsed()
                    .files()
                    .get(RepositoryLayout.ENVIRONMENTS.resolve(environment).resolve("main.tf"));
            JsonNode provider = main.path("provider").path("aws").get(0);
            JsonNode outputs = TerraformConfiguration.parsed()
                    .files()
                    .get(RepositoryLayout.ENVIRONMENTS.resolve(environment).resolve("outputs.tf"))
                    .path("output");

            assertThat(provider.path("default_tags").get(0).has("tags"))
                    .as(environment + " default_tags")
                    .isTrue();
            assertThat(outputs.has("alb_url")).isTrue();
            assertThat(outputs.has("ecr_repository_url")).isTrue();
            assertThat(outputs.has("function_names")).isTrue();
        }
    }

    @Test
    void noSecretLooksHardCoded() throws Exception {
        List<String> suspicious = new ArrayList<>();
        for (Path file : RepositoryLayout.terraformFiles()) {
            String source = Files.readString(file);
            if (source.matches("(?s).*\\b(password|secret_string|access_key|secret_key|token)\\s*=\\s*\"[^\"$]+\".*")) {
                suspicious.add(file.toString());
            }
            if (source.contains("AKIA") || source.contains("hooks.slack.com/services/")) {
                suspicious.add(file + " (credential-like literal)");
            }
        }
        assertThat(suspicious).isEmpty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
