package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, alerting: every alarm is heard (its actions are the paging topic unless an environment names others,
 * never empty), the paging topic exists with its email and PagerDuty subscriptions, and every alarm description
 * links to its own entry in the runbook.
 */
class AlertingPolicyTest {
    /** What an alarm's actions may be set from: the observability module's effective actions, or the module input fed from them. */
    private static final Set<String> ACTIONS = Set.of("${local.alarm_actions}", "${var.alarm_actions}");

    private static final Pattern RUNBOOK_LINK = Pattern.compile("\\$\\{var\\.runbook_url}#(alarm-[a-z0-9${}.-]+)");

    private final ModuleSource observability = ModuleSource.module("observability");
    private final ModuleSource deployHooks = ModuleSource.module("deploy-hooks");

    private static List<Block> everyAlarm() {
        List<Block> alarms = new ArrayList<>(TerraformConfiguration.parsed().resources("aws_cloudwatch_metric_alarm"));
        alarms.addAll(TerraformConfiguration.parsed().resources("aws_cloudwatch_composite_alarm"));
        return alarms;
    }

    @Test
    void everyAlarmHasAnAction() {
        assertThat(everyAlarm())
                .as("alarm resources (guard, failure queues, function errors, ledger)")
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(alarm -> {
                    assertThat(alarm.body().path("actions_enabled").asBoolean())
                            .as(alarm.address() + " actions_enabled")
                            .isTrue();
                    assertThat(alarm.body().path("alarm_actions").asText())
                            .as(alarm.address() + " alarm_actions")
                            .isIn(ACTIONS);
                    assertThat(alarm.body().path("ok_actions").asText())
                            .as(alarm.address() + " ok_actions (resolves the page)")
                            .isIn(ACTIONS);
                });
        // observability: no actions given = the paging topic; deploy-hooks: required, never empty, and the
        // environments feed it the observability module's effective actions.
        assertThat(observability.locals().path("alarm_actions").asText())
                .contains("var.alarm_actions != null", "aws_sns_topic.paging.arn");
        assertThat(observability.variableDefault("alarm_actions").isNull()).isTrue();
        assertThat(deployHooks.variableDefault("alarm_actions").isMissingNode())
                .as("deploy-hooks alarm_actions is required")
                .isTrue();
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            assertThat(ModuleSource.environment(name)
                            .moduleCall("deploy_hooks")
                            .body()
                            .path("alarm_actions")
                            .asText())
                    .as(name)
                    .isEqualTo("${module.observability.alarm_actions}");
        }
    }

    @Test
    void theFailureQueuesTheNotifierTheStabilizerAndTheLedgerHaveAlarms() {
        assertThat(deployHooks
                        .resource("aws_cloudwatch_metric_alarm", "failure_queue_not_empty")
                        .body()
                        .path("for_each")
                        .asText())
                .isEqualTo("${local.failure_queues}");
        assertThat(deployHooks.locals().path("function_error_alarms").properties())
                .extracting(java.util.Map.Entry::getKey)
                .contains("notifier", "stabilizer");
        Block ledger = deployHooks.resource("aws_cloudwatch_metric_alarm", "ledger_errors");
        assertThat(ledger.nested("metric_query"))
                .anySatisfy(query -> assertThat(query.path("metric").toString())
                        .contains("AWS/DynamoDB", "aws_dynamodb_table.ledger.name"));
    }

    @Test
    void thePagingTopicExistsWithAnEmailAndAPagerDutySubscription() {
        Block topic = observability.resource("aws_sns_topic", "paging");
        assertThat(topic.body().path("kms_master_key_id").asText()).isEqualTo("${var.kms_key_arn}");

        Block email = observability.resource("aws_sns_topic_subscription", "paging_email");
        assertThat(email.body().path("protocol").asText()).isEqualTo("email");
        assertThat(email.body().path("topic_arn").asText()).isEqualTo("${aws_sns_topic.paging.arn}");
        assertThat(email.body().path("for_each").asText()).contains("var.paging_emails");

        Block pagerDuty = observability.resource("aws_sns_topic_subscription", "paging_pagerduty");
        assertThat(pagerDuty.body().path("protocol").asText()).isEqualTo("https");
        assertThat(pagerDuty.body().path("topic_arn").asText()).isEqualTo("${aws_sns_topic.paging.arn}");
        assertThat(pagerDuty.body().path("endpoint").asText()).isEqualTo("${var.pagerduty_cloudwatch_endpoint}");
        // Guard alarms page through the deploy hooks (one incident per service and cause), not a second time here.
        assertThat(pagerDuty.body().path("filter_policy_scope").asText()).isEqualTo("MessageBody");
        assertThat(pagerDuty.body().path("filter_policy").asText()).contains("anything-but", "local.alarm_prefix");

        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode call =
                    ModuleSource.environment(name).moduleCall("observability").body();
            assertThat(call.path("paging_emails").asText()).as(name).isEqualTo("${var.paging_emails}");
            assertThat(call.path("pagerduty_cloudwatch_endpoint").asText())
                    .as(name)
                    .isEqualTo("${var.pagerduty_cloudwatch_endpoint}");
        }
    }

    @Test
    void everyAlarmDescriptionLinksToItsRunbookEntry() {
        String runbook = RepositoryLayout.read(RepositoryLayout.ROOT.resolve("docs/operations.md"));
        Set<String> anchors = new TreeSet<>();
        for (Block alarm : everyAlarm()) {
            Matcher link =
                    RUNBOOK_LINK.matcher(alarm.body().path("alarm_description").asText());
            assertThat(link.find())
                    .as(alarm.address() + " links to the runbook")
                    .isTrue();
            anchors.addAll(expand(alarm, link.group(1)));
        }
        assertThat(anchors)
                .hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(anchor -> assertThat(runbook)
                        .as("docs/operations.md has an entry " + anchor)
                        .contains("<a id=\"" + anchor + "\"></a>"));
    }

    /** The anchors of one alarm resource: one per key of its for_each map when the anchor names each.key. */
    private static List<String> expand(Block alarm, String anchor) {
        if (!anchor.contains("${each.key}")) {
            return List.of(anchor);
        }
        String forEach = alarm.body().path("for_each").asText();
        assertThat(forEach)
                .as(alarm.address() + " iterates a literal map of locals")
                .matches("\\$\\{local\\.[a-z_]+}");
        JsonNode map = TerraformConfiguration.parsed()
                .locals(alarm.moduleDir())
                .path(forEach.substring("${local.".length(), forEach.length() - 1));
        assertThat(map.isObject()).as(alarm.address() + " for_each").isTrue();
        List<String> anchors = new ArrayList<>();
        map.properties().forEach(entry -> anchors.add(anchor.replace("${each.key}", entry.getKey())));
        return anchors;
    }
}
