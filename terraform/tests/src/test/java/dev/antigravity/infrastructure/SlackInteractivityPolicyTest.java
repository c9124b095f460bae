package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Slack interactivity function: the one public URL in the platform (auth NONE, as Slack requires; the handler
 * verifies Slack's signature), its signing secret readable by it alone, and the freeze switch writable by it alone.
 */
class SlackInteractivityPolicyTest {
    private static final String FUNCTION = "slack-interactivity";
    private final ModuleSource hooks = ModuleSource.module("deploy-hooks");

    private JsonNode function() {
        return hooks.locals().path("function_defaults").path(FUNCTION);
    }

    private static List<String> capabilities(JsonNode function) {
        List<String> names = new ArrayList<>();
        function.path("capabilities").forEach(c -> names.add(c.asText()));
        return names;
    }

    private JsonNode document(String name) {
        return hooks.data("aws_iam_policy_document").stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy document " + name))
                .body();
    }

    @Test
    void theUrlIsPublicForSlackAndServesTheLiveAliasOfTheInteractivityFunctionOnly() {
        Block url = hooks.resource("aws_lambda_function_url", "slack_interactivity");

        assertThat(url.body().path("authorization_type").asText()).isEqualTo("NONE");
        assertThat(url.body().path("function_name").asText())
                .isEqualTo("${aws_lambda_function.this[\"" + FUNCTION + "\"].function_name}");
        assertThat(url.body().path("qualifier").asText())
                .isEqualTo("${aws_lambda_alias.live[\"" + FUNCTION + "\"].name}");
        assertThat(TerraformConfiguration.parsed().resources("aws_lambda_function_url"))
                .as("the only function URL in terraform/")
                .singleElement()
                .satisfies(only -> assertThat(only.name()).isEqualTo("slack_interactivity"));
        assertThat(function().path("handler").asText()).endsWith(".SlackInteractivityHandler::handleRequest");
    }

    @Test
    void theSigningSecretIsItsOwnAndOnlyThisFunctionReadsIt() {
        JsonNode environment = hooks.locals().path("function_environment").path(FUNCTION);
        assertThat(environment.path("SLACK_SIGNING_SECRET_ID").asText())
                .isEqualTo("${aws_secretsmanager_secret.slack_signing_secret.arn}");
        assertThat(environment.path("SLACK_ALLOWED_USERS").asText()).isEqualTo("${var.slack_allowed_users}");

        JsonNode statement = document("slack_signing_secret").path("statement").get(0);
        assertThat(statement.path("actions"))
                .singleElement()
                .satisfies(a -> assertThat(a.asText()).isEqualTo("secretsmanager:GetSecretValue"));
        assertThat(statement.path("resources"))
                .singleElement()
                .satisfies(
                        r -> assertThat(r.asText()).isEqualTo("${aws_secretsmanager_secret.slack_signing_secret.arn}"));
        assertThat(hooks.resource("aws_secretsmanager_secret", "slack_signing_secret")
                        .body()
                        .path("kms_key_id")
                        .asText())
                .isEqualTo("${var.kms_key_arn}");

        assertThat(capabilities(function()))
                .contains("slack_signing_secret", "freeze_write", "ecs_rollback")
                .doesNotContain("notifier_secrets", "ecs_deploy", "registry_read");
        hooks.locals().path("function_defaults").properties().forEach(entry -> {
            if (!entry.getKey().equals(FUNCTION)) {
                assertThat(capabilities(entry.getValue()))
                        .as(entry.getKey())
                        .doesNotContain("slack_signing_secret", "freeze_write");
            }
        });
    }

    @Test
    void freezeWriteTurnsOnlyTheFreezeParameter() {
        JsonNode statement = document("freeze_write").path("statement").get(0);
        assertThat(statement.path("actions"))
                .singleElement()
                .satisfies(a -> assertThat(a.asText()).isEqualTo("ssm:PutParameter"));
        assertThat(statement.path("resources"))
                .singleElement()
                .satisfies(r -> assertThat(r.asText()).isEqualTo("${aws_ssm_parameter.freeze.arn}"));
    }
}
