package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API reads the database credentials from the RDS-managed secret itself (issue 14): the task gets the secret's
 * ARN, never the password, and its task role may read that one secret and decrypt it through Secrets Manager only;
 * the execution role no longer injects it at start, so a rotation needs no redeployment.
 */
class DatabaseCredentialsPolicyTest {
    private static final String SECRET = "${module.database.master_user_secret_arn}";

    @Test
    void theTaskGetsTheSecretsArnAndNoPassword() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode service =
                    ModuleSource.environment(name).moduleCall("ecs_service").body();
            assertThat(service.path("environment").toString())
                    .as(name)
                    .contains("DB_SECRET_ID = module.database.master_user_secret_arn");
            assertThat(service.path("secrets").toString())
                    .as(name)
                    .doesNotContain("DB_PASSWORD")
                    .doesNotContain("DB_USERNAME")
                    .doesNotContain("master_user_secret_arn");
            assertThat(service.path("secret_arns").toString()).as(name).doesNotContain("master_user_secret_arn");
        }
    }

    @Test
    void theTaskRoleMayReadThatSecretOnly() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            JsonNode read = statement(environment, "ReadTheDatabaseCredentials");
            assertThat(TerraformConfiguration.strings(read.get("actions")))
                    .containsExactly("secretsmanager:GetSecretValue");
            assertThat(TerraformConfiguration.strings(read.get("resources"))).containsExactly(SECRET);

            JsonNode decrypt = statement(environment, "DecryptTheDatabaseCredentials");
            assertThat(TerraformConfiguration.strings(decrypt.get("actions"))).containsExactly("kms:Decrypt");
            assertThat(TerraformConfiguration.strings(decrypt.get("resources")))
                    .containsExactly("${module.kms.key_arn}");
            JsonNode condition = decrypt.path("condition").get(0);
            assertThat(condition.path("test").asText()).isEqualTo("StringEquals");
            assertThat(condition.path("variable").asText()).isEqualTo("kms:EncryptionContext:SecretARN");
            assertThat(TerraformConfiguration.strings(condition.get("values"))).containsExactly(SECRET);

            JsonNode policy = environment
                    .resource("aws_iam_role_policy", "database_credentials")
                    .body();
            assertThat(policy.path("role").asText()).isEqualTo("${module.ecs_service.task_role_name}");
            assertThat(policy.path("policy").asText())
                    .isEqualTo("${data.aws_iam_policy_document.database_credentials.json}");
        }
    }

    private static JsonNode statement(ModuleSource environment, String sid) {
        List<JsonNode> statements = environment.data("aws_iam_policy_document").stream()
                .filter(document -> document.name().equals("database_credentials"))
                .flatMap(document -> document.nested("statement").stream())
                .filter(statement -> sid.equals(TerraformConfiguration.text(statement, "sid")))
                .toList();
        assertThat(statements).as(sid).hasSize(1);
        return statements.getFirst();
    }
}
