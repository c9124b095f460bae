package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deploy hooks as the Lambdas <-> Terraform contract and the design require them. */
class DeployHooksPolicyTest {

    private static final Pattern PATTERN_FILE =
            Pattern.compile("\\$\\{file\\(\"\\$\\{var\\.event_patterns_dir}/([a-z0-9-]+\\.json)\"\\)}");
    /** The alarm rule's template, rendered with the guard alarms' ARNs and nothing else. */
    private static final Pattern GUARD_ALARM_TEMPLATE = Pattern.compile(
            "\\$\\{jsonencode\\(jsondecode\\(templatefile\\("
                    + "\"\\$\\{var\\.event_patterns_dir}/([a-z0-9-]+\\.json\\.tftpl)\", \\{\\s*guard_alarm_arns = var\\.guard_alarm_arns\\s*}\\)\\)\\)}");

    private static final Set<String> CONTRACT_PATTERNS = Set.of(
            "ecr-image-push.json", "ecs-deployment-state-change.json", "cloudwatch-alarm-state-change.json.tftpl");
    private static final Set<String> CONTRACT_HANDLERS = Set.of(
            "ImagePushHandler",
            "DeploymentEventHandler",
            "AlarmHandler",
            "StabilizerHandler",
            "NotifierHandler",
            "LifecycleHookHandler",
            "SlackInteractivityHandler");
    private static final Set<String> CONTRACT_ENVIRONMENT = Set.of(
            "LEDGER_TABLE",
            "PLATFORM_TOPIC_ARN",
            "MANAGED_SERVICES",
            "FREEZE_PARAMETER",
            "BAKE_MINUTES",
            "ROLLBACK_LIMIT",
            "ROLLBACK_WINDOW_MINUTES",
            "ENVIRONMENT");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModuleSource hooks = ModuleSource.module("deploy-hooks");

    @Test
    void everyLambdaHasAnOnFailureDestination() {
        List<Block> functions = TerraformConfiguration.parsed().resources("aws_lambda_function");
        List<Block> invokeConfigs =
                TerraformConfiguration.parsed().resources("aws_lambda_function_event_invoke_config");

        assertThat(functions).isNotEmpty().allSatisfy(function -> {
            String reference = "aws_lambda_function." + function.name();
            assertThat(invokeConfigs)
                    .as(function.address() + " needs an event invoke config with an on-failure destination")
                    .anySatisfy(config -> {
                        assertThat(config.moduleDir()).isEqualTo(function.moduleDir());
                        assertThat(config.body().path("function_name").asText()).contains(reference);
                        assertThat(config.body().path("for_each").asText())
                                .isEqualTo(function.body().path("for_each").asText());
                        String destination = config.nested("destination_config")
                                .getFirst()
                                .path("on_failure")
                                .get(0)
                                .path("destination")
                                .asText();
                        assertThat(destination).startsWith("${aws_sqs_queue.");
                    });
        });
    }

    @Test
    void functionsRunJava25WithSnapStartOnPublishedVersionsBehindAnAlias() {
        Block function = hooks.resource("aws_lambda_function", "this");

        assertThat(function.body().path("runtime").asText()).isEqualTo("java25");
        assertThat(function.body().path("publish").asBoolean()).isTrue();
        assertThat(function.nested("snap_start"))
                .singleElement()
                .satisfies(snapStart ->
                        assertThat(snapStart.path("apply_on").asText()).isEqualTo("PublishedVersions"));
        assertThat(function.body().path("filename").asText()).isEqualTo("${var.lambda_jar_path}");
        assertThat(hooks.resources("aws_cloudwatch_event_target"))
                .allSatisfy(target ->
                        assertThat(target.body().path("arn").asText()).startsWith("${aws_lambda_alias.live["));
    }

    @Test
    void everyContractHandlerHasItsOwnMemoryAndTimeout() {
        JsonNode locals = hooks.locals();
        String handlerPackage = locals.path("handlers").asText();
        Set<String> handlers = new TreeSet<>();
        locals.path("function_defaults").properties().forEach(entry -> {
            JsonNode function = entry.getValue();
            handlers.add(function.path("handler").asText().replace("${local.handlers}", handlerPackage));
            assertThat(function.path("memory_mb").asInt())
                    .as(entry.getKey() + " memory")
                    .isBetween(256, 10240);
            assertThat(function.path("timeout_s").asInt())
                    .as(entry.getKey() + " timeout")
                    .isBetween(1, 900);
            assertThat(function.path("concurrency").asInt())
                    .as(entry.getKey() + " reserved concurrency")
                    .isPositive();
        });

        assertThat(handlers)
                .containsExactlyInAnyOrderElementsOf(CONTRACT_HANDLERS.stream()
                        .map(handler -> "dev.antigravity.lambdas.handlers." + handler + "::handleRequest")
                        .toList());
        assertThat(locals.path("common_environment").properties())
                .extracting(entry -> entry.getKey())
                .containsAll(CONTRACT_ENVIRONMENT);
        assertThat(locals.path("function_environment").path("notifier").asText())
                .contains("SLACK_WEBHOOK_SECRET_ID", "PAGERDUTY_ROUTING_KEY_SECRET_ID");
    }

    @Test
    void ledgerHasTheContractKeysTtlPointInTimeRecoveryAndKms() {
        Block ledger = hooks.resource("aws_dynamodb_table", "ledger");
        JsonNode body = ledger.body();

        assertThat(ledger.nested("point_in_time_recovery"))
                .singleElement()
                .satisfies(pitr -> assertThat(pitr.path("enabled").asBoolean()).isTrue());
        assertThat(body.path("hash_key").asText()).isEqualTo("pk");
        assertThat(body.path("range_key").asText()).isEqualTo("sk");
        assertThat(ledger.nested("attribute"))
                .extracting(attribute -> attribute.path("name").asText() + ":"
                        + attribute.path("type").asText())
                .containsExactlyInAnyOrder("pk:S", "sk:S", "gsi1pk:S", "gsi1sk:S");
        assertThat(ledger.nested("global_secondary_index")).singleElement().satisfies(index -> {
            assertThat(index.path("name").asText()).isEqualTo("by-service-time");
            assertThat(index.path("key_schema"))
                    .extracting(key -> key.path("attribute_name").asText() + ":"
                            + key.path("key_type").asText())
                    .containsExactly("gsi1pk:HASH", "gsi1sk:RANGE");
        });
        assertThat(ledger.nested("ttl")).singleElement().satisfies(ttl -> {
            assertThat(ttl.path("attribute_name").asText()).isEqualTo("expiresAt");
            assertThat(ttl.path("enabled").asBoolean()).isTrue();
        });
        assertThat(ledger.nested("server_side_encryption")
                        .getFirst()
                        .path("kms_key_arn")
                        .asText())
                .isEqualTo("${var.kms_key_arn}");
    }

    @Test
    void everyRulePatternIsLoadedFromEventsSchemaPatterns() {
        List<Block> withPattern = TerraformConfiguration.parsed().resources("aws_cloudwatch_event_rule").stream()
                .filter(rule -> rule.body().has("event_pattern"))
                .toList();
        Set<String> referenced = new TreeSet<>();
        for (Block rule : withPattern) {
            String pattern = resolvedPattern(rule);
            Matcher loaded = PATTERN_FILE.matcher(pattern);
            Matcher rendered = GUARD_ALARM_TEMPLATE.matcher(pattern);
            assertThat(loaded.matches() || rendered.matches())
                    .as(rule.address() + " must load its pattern with file(), or"
                            + " render the guard alarm template, from var.event_patterns_dir: " + pattern)
                    .isTrue();
            String file = loaded.matches() ? loaded.group(1) : rendered.group(1);
            referenced.add(file);
            assertThat(RepositoryLayout.EVENT_PATTERNS.resolve(file))
                    .as("pattern file of " + rule.address())
                    .isRegularFile();
        }
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(CONTRACT_PATTERNS);
    }

    /** An alarm storm elsewhere in the account must not reach (and queue behind it) the rollback path. */
    @Test
    void onlyTheGuardAlarmsReachTheAlarmFunction() throws IOException {
        Matcher rendered = GUARD_ALARM_TEMPLATE.matcher(
                resolvedPattern(hooks.resource("aws_cloudwatch_event_rule", "cloudwatch_alarm_state_change")));
        assertThat(rendered.matches())
                .as("the alarm rule renders the guard alarm template")
                .isTrue();
        List<String> arns = List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:antigravity-prod-guard-5xx-rate");
        String template = Files.readString(RepositoryLayout.EVENT_PATTERNS.resolve(rendered.group(1)));

        JsonNode pattern =
                JSON.readTree(template.replace("${jsonencode(guard_alarm_arns)}", JSON.writeValueAsString(arns)));

        assertThat(pattern.path("resources").isArray())
                .as("the pattern matches on the alarm ARNs: " + template)
                .isTrue();
        assertThat(JSON.convertValue(pattern.path("resources"), List.class)).isEqualTo(arns);
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            assertThat(ModuleSource.environment(name)
                            .moduleCall("deploy_hooks")
                            .body()
                            .path("guard_alarm_arns")
                            .asText())
                    .as(name + " passes the observability module's guard alarms")
                    .isEqualTo("${module.observability.guard_alarm_arns}");
        }
    }

    /** The rule's event_pattern, with a "${local.x}" reference replaced by that local's expression. */
    private static String resolvedPattern(Block rule) {
        String pattern = rule.body().path("event_pattern").asText();
        Matcher local = Pattern.compile("\\$\\{local\\.([a-z0-9_]+)}").matcher(pattern);
        return local.matches()
                ? TerraformConfiguration.parsed()
                        .locals(rule.moduleDir())
                        .path(local.group(1))
                        .asText()
                : pattern;
    }

    @Test
    void environmentsPointThePatternsDirectoryAndJarAtThisCheckout() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            JsonNode call = environment.moduleCall("deploy_hooks").body();

            assertThat(resolve(environment, call.path("event_patterns_dir").asText()))
                    .isEqualTo(RepositoryLayout.EVENT_PATTERNS);
            String jarDefault = call.path("lambda_jar_path")
                    .asText()
                    .replaceAll("^\\$\\{coalesce\\(var\\.lambda_jar_path, \"(.*)\"\\)}$", "$1");
            assertThat(resolve(environment, jarDefault))
                    .isEqualTo(RepositoryLayout.ROOT.resolve("lambdas/target/antigravity-lambdas.jar"));
        }
    }

    @Test
    void stabilizerRunsEveryMinute() {
        assertThat(hooks.resource("aws_cloudwatch_event_rule", "stabilizer_schedule")
                        .body()
                        .path("schedule_expression")
                        .asText())
                .isEqualTo("rate(1 minute)");
        assertThat(hooks.locals()
                        .path("rule_targets")
                        .path("stabilizer-schedule")
                        .path("function")
                        .asText())
                .isEqualTo("stabilizer");
    }

    @Test
    void topicAndQueuesAreEncryptedWithTheKey() {
        assertThat(hooks.resource("aws_sns_topic", "platform")
                        .body()
                        .path("kms_master_key_id")
                        .asText())
                .isEqualTo("${var.kms_key_arn}");
        assertThat(hooks.resources("aws_sqs_queue"))
                .hasSize(2)
                .allSatisfy(queue -> assertThat(
                                queue.body().path("kms_master_key_id").asText())
                        .isEqualTo("${var.kms_key_arn}"));
    }

    @Test
    void everyPatternFileInEventsSchemaIsUsed() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryLayout.EVENT_PATTERNS)) {
            List<String> names =
                    new ArrayList<>(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".json") || name.endsWith(".json.tftpl"))
                            .toList());
            assertThat(names).containsExactlyInAnyOrderElementsOf(CONTRACT_PATTERNS);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Resolves "${local.repo_root}/x" and "${path.root}/x" the way Terraform would from the environment directory. */
    private static Path resolve(ModuleSource environment, String expression) {
        String repoRoot = environment.locals().path("repo_root").asText();
        String path = expression
                .replace("${local.repo_root}", repoRoot)
                .replace("${path.root}", environment.dir().toString());
        return Path.of(path).normalize();
    }
}
