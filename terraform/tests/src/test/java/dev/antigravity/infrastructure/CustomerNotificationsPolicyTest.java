package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API's order emails and SMS (issue 12): a DKIM-signed SES domain identity with a configuration
 * set, and a task role that may send exactly that: email from the one sender address the task is
 * configured with, SMS to phone numbers but to no topic.
 */
class CustomerNotificationsPolicyTest {
    private final ModuleSource module = ModuleSource.module("customer-notifications");

    @Test
    void theDomainIsSignedWithDkimAndSendsThroughAConfigurationSetThatRequiresTls() {
        Block identity = module.resource("aws_sesv2_email_identity", "domain");
        assertThat(identity.nested("dkim_signing_attributes")
                        .getFirst()
                        .path("next_signing_key_length")
                        .asText())
                .isEqualTo("RSA_2048_BIT");
        assertThat(identity.body().path("configuration_set_name").asText())
                .isEqualTo("${aws_sesv2_configuration_set.this.configuration_set_name}");
        Block set = module.resource("aws_sesv2_configuration_set", "this");
        assertThat(set.nested("delivery_options").getFirst().path("tls_policy").asText())
                .isEqualTo("REQUIRE");
        assertThat(TerraformConfiguration.strings(
                        set.nested("suppression_options").getFirst().get("suppressed_reasons")))
                .containsExactlyInAnyOrder("BOUNCE", "COMPLAINT");
    }

    @Test
    void emailMaySendOnlyFromTheConfiguredAddressThroughTheIdentityAndItsSet() {
        JsonNode statement = statement("SendOrderEmailFromTheDomain");
        assertThat(TerraformConfiguration.strings(statement.get("actions"))).containsExactly("ses:SendEmail");
        assertThat(TerraformConfiguration.strings(statement.get("resources")))
                .containsExactlyInAnyOrder(
                        "${aws_sesv2_email_identity.domain.arn}", "${aws_sesv2_configuration_set.this.arn}");
        JsonNode condition = statement.path("condition").get(0);
        assertThat(condition.path("test").asText()).isEqualTo("StringEquals");
        assertThat(condition.path("variable").asText()).isEqualTo("ses:FromAddress");
        assertThat(TerraformConfiguration.strings(condition.get("values"))).containsExactly("${var.from_address}");
    }

    /** SMS to a phone number has no ARN, so Publish is allowed on "*" and denied on every SNS ARN. */
    @Test
    void smsMayGoToPhoneNumbersButNoTopicOrEndpoint() {
        JsonNode allow = statement("SendOrderSmsToPhoneNumbers");
        assertThat(TerraformConfiguration.strings(allow.get("actions"))).containsExactly("sns:Publish");
        assertThat(allow.path("condition").get(0).path("variable").asText()).isEqualTo("aws:RequestedRegion");
        JsonNode deny = statement("PublishToNoTopicOrEndpoint");
        assertThat(deny.path("effect").asText()).isEqualTo("Deny");
        assertThat(TerraformConfiguration.strings(deny.get("actions"))).containsExactly("sns:Publish");
        assertThat(TerraformConfiguration.strings(deny.get("resources")))
                .containsExactly("arn:${data.aws_partition.current.partition}:sns:*:*:*");
        assertThat(module.resource("aws_iam_role_policy", "send")
                        .body()
                        .path("policy")
                        .asText())
                .isEqualTo("${data.aws_iam_policy_document.send.json}");
    }

    @Test
    void theApiTaskRoleGetsThePolicyAndTheTaskSendsFromTheSameAddress() {
        ModuleSource common = ModuleSource.environment("common");
        JsonNode call = common.moduleCall("customer_notifications").body();
        assertThat(call.path("task_role_name").asText()).isEqualTo("${module.ecs_service.task_role_name}");
        assertThat(call.path("from_address").asText()).isEqualTo("${local.customer_email_from}");
        String environment =
                common.locals().path("customer_notifications_environment").asText();
        assertThat(environment)
                .contains("NOTIFICATIONS_EMAIL_FROM      = local.customer_email_from")
                .contains("NOTIFICATIONS_EMAIL_CONFIGSET = local.name");
        assertThat(call.path("name").asText()).isEqualTo("${local.name}");
        assertThat(common.moduleCall("ecs_service").body().path("environment").asText())
                .contains("local.customer_notifications_environment");
    }

    private JsonNode statement(String sid) {
        List<JsonNode> statements = module.data("aws_iam_policy_document").stream()
                .filter(document -> document.name().equals("send"))
                .flatMap(document -> document.nested("statement").stream())
                .filter(statement -> sid.equals(TerraformConfiguration.text(statement, "sid")))
                .toList();
        assertThat(statements).as(sid).hasSize(1);
        return statements.getFirst();
    }
}
