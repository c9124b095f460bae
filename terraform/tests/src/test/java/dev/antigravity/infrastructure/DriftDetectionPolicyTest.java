package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scheduled drift check: a plan of every environment with -detailed-exitcode, through a role
 * that can read but not write, reported in the job summary and an issue, and written up in the runbook.
 */
class DriftDetectionPolicyTest {

    private static final ModuleSource OIDC = ModuleSource.module("github-oidc");
    private static final String WORKFLOW = RepositoryLayout.read(RepositoryLayout.WORKFLOWS.resolve("drift.yml"));

    @Test
    void theWorkflowPlansEveryEnvironmentOnAScheduleAndReportsDrift() {
        assertThat(WORKFLOW).containsPattern("(?m)^  schedule:\\n    - cron: \"[0-9*/, -]+\"$");
        assertThat(WORKFLOW)
                .contains(
                        "plan -lock=false",
                        "-detailed-exitcode",
                        "id-token: write",
                        "issues: write",
                        "DRIFT_ROLE_ARN_PROD",
                        "DRIFT_ROLE_ARN_STAGING",
                        "GITHUB_STEP_SUMMARY",
                        "issues.create",
                        "issues.update",
                        "resource_drift");
        assertThat(WORKFLOW)
                .as("reads only")
                .doesNotContain("terraform apply", "\" apply", "terraform import", "state rm", "state push");
        Matcher matrix = Pattern.compile("environment: \\[([a-z, ]+)]").matcher(WORKFLOW);
        assertThat(matrix.find()).isTrue();
        assertThat(List.of(matrix.group(1).split(",\\s*")))
                .containsExactlyInAnyOrderElementsOf(RepositoryLayout.ENVIRONMENT_NAMES);
        assertThat(WORKFLOW)
                .as("its own concurrency group, never terraform.yml's")
                .contains("group: terraform-drift")
                .doesNotContain("group: terraform-${{ github.ref }}");
    }

    @Test
    void theJarTheWorkflowFetchesIsAFunctionTheDeployHooksCreate() {
        Matcher function = Pattern.compile(
                        "FUNCTION: \\$\\{\\{ vars.PROJECT_NAME \\|\\| '([a-z-]+)' }}-\\$\\{\\{ matrix.environment }}-([a-z-]+)")
                .matcher(WORKFLOW);
        assertThat(function.find()).as("function name in drift.yml").isTrue();
        ModuleSource common = ModuleSource.at(RepositoryLayout.ENVIRONMENTS.resolve("common"));
        ModuleSource hooks = ModuleSource.module("deploy-hooks");

        assertThat(function.group(1))
                .isEqualTo(common.variableDefault("project").asText());
        assertThat(hooks.locals().path("function_defaults").has(function.group(2)))
                .as(function.group(2))
                .isTrue();
        assertThat(hooks.resource("aws_lambda_function", "this")
                        .body()
                        .path("function_name")
                        .asText())
                .isEqualTo("${var.name}-${each.key}");
    }

    @Test
    void theDriftRoleReadsButCannotWrite() {
        Block role = OIDC.resource("aws_iam_role", "drift");
        List<Block> attachments = TerraformConfiguration.parsed().resources("aws_iam_role_policy_attachment").stream()
                .filter(attachment ->
                        attachment.body().path("policy_arn").asText().endsWith("policy/ReadOnlyAccess"))
                .toList();
        List<JsonNode> statements = new ArrayList<>();
        OIDC.data("aws_iam_policy_document").stream()
                .filter(document -> document.name().equals("drift"))
                .findFirst()
                .orElseThrow()
                .nested("statement")
                .forEach(statements::add);

        assertThat(role.body().path("assume_role_policy").asText())
                .as("the push role's trust: main of this repository")
                .isEqualTo("${data.aws_iam_policy_document.trust.json}");
        assertThat(attachments)
                .as("ReadOnlyAccess goes to the drift role only")
                .singleElement()
                .satisfies(attachment ->
                        assertThat(attachment.body().path("role").asText()).isEqualTo("${aws_iam_role.drift[0].name}"));
        assertThat(statements)
                .filteredOn(statement -> !"Deny".equals(statement.path("effect").asText()))
                .flatMap(statement -> TerraformConfiguration.strings(statement.path("actions")))
                .containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "kms:Decrypt");
        assertThat(statements)
                .filteredOn(statement -> statement.toString().contains("secretsmanager:GetSecretValue"))
                .singleElement()
                .satisfies(read -> assertThat(read.path("resources").asText()).isEqualTo("${statement.value}"));
        assertThat(statements)
                .filteredOn(statement -> statement.toString().contains("kms:Decrypt"))
                .singleElement()
                .satisfies(decrypt ->
                        assertThat(decrypt.path("condition").toString()).contains("kms:ViaService", "secretsmanager."));
        assertThat(statements)
                .filteredOn(statement -> "Deny".equals(statement.path("effect").asText()))
                .singleElement()
                .satisfies(deny -> assertThat(TerraformConfiguration.strings(deny.path("actions")))
                        .contains(
                                "iam:Create*",
                                "iam:PassRole",
                                "s3:Put*",
                                "ecs:Update*",
                                "lambda:Update*",
                                "lambda:Invoke*"));

        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode call =
                    ModuleSource.environment(name).moduleCall("github_oidc").body();
            assertThat(call.path("drift_role_name").asText()).isEqualTo("${local.name}-github-drift");
            assertThat(TerraformConfiguration.strings(call.path("drift_readable_secret_arns")))
                    .as("only the secret whose version Terraform manages")
                    .containsExactly("${module.cache.auth_token_secret_arn}");
        }
    }

    @Test
    void theRunbookSaysWhatToDoWithDrift() {
        String runbook = RepositoryLayout.read(RepositoryLayout.ROOT.resolve("docs/operations.md"));

        assertThat(runbook)
                .contains(
                        "## Terraform drift",
                        "drift.yml",
                        "DRIFT_ROLE_ARN_PROD",
                        "github_drift_role_arn",
                        "Terraform drift in prod");
    }
}
