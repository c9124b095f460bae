package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, metrics and logs: log metric filters and saved queries exist, the dashboard carries the widgets the
 * on-call person needs, and every custom metric it names is one something emits (emitted-metrics.json, which the
 * emitters' own tests hold equal to the EMF their code writes).
 */
class ObservabilityPolicyTest {
    private static final Pattern DIRECT_METRIC = Pattern.compile("\"(Antigravity[A-Za-z/]*)\",\\s*\"([A-Za-z0-9]+)\"");
    private static final Pattern SEARCHED_METRIC = Pattern.compile("MetricName=\\\\\"([A-Za-z0-9]+)\\\\\"");

    private final ModuleSource observability = ModuleSource.module("observability");
    private final String dashboard =
            RepositoryLayout.read(RepositoryLayout.MODULES.resolve("observability/dashboard.tf"));

    private static Map<String, Set<String>> emitted() throws IOException {
        JsonNode catalogue = new ObjectMapper()
                .readTree(
                        RepositoryLayout.read(RepositoryLayout.MODULES.resolve("observability/emitted-metrics.json")));
        Map<String, Set<String>> byNamespace = new TreeMap<>();
        catalogue.properties().stream()
                .filter(entry -> !entry.getKey().startsWith("$"))
                .forEach(entry -> {
                    Set<String> names = new TreeSet<>();
                    entry.getValue().forEach(name -> names.add(name.asText()));
                    byNamespace.put(entry.getKey(), names);
                });
        return byNamespace;
    }

    @Test
    void errorLinesAndServerErrorAccessLinesBecomeMetrics() throws IOException {
        JsonNode filters = observability.locals().path("log_metric_filters");
        assertThat(filters.path("ErrorLines").asText()).contains("$.level = \"SEVERE\"");
        assertThat(filters.path("ServerErrorLines").asText()).contains("local.access_logger", "$.status >= 500");
        assertThat(observability.locals().path("access_logger").asText()).isEqualTo("dev.antigravity.api.access");

        Block filter = observability.resource("aws_cloudwatch_log_metric_filter", "api");
        assertThat(filter.body().path("for_each").asText()).isEqualTo("${local.log_metric_filters}");
        assertThat(filter.body().path("log_group_name").asText()).isEqualTo("${aws_cloudwatch_log_group.service.name}");
        JsonNode transformation = filter.nested("metric_transformation").getFirst();
        assertThat(transformation.path("name").asText()).isEqualTo("${each.key}");
        assertThat(transformation.path("namespace").asText()).isEqualTo("${local.log_metrics_namespace}");

        String namespace = observability.locals().path("log_metrics_namespace").asText();
        List<String> names = new ArrayList<>();
        filters.properties().forEach(entry -> names.add(entry.getKey()));
        assertThat(emitted().get(namespace))
                .as("emitted-metrics.json lists the filters' metrics")
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void theRunbooksSavedQueriesExist() {
        JsonNode queries = observability.locals().path("saved_queries");
        assertThat(queries.path("correlation-id").path("query").asText()).contains("filter correlation_id =");
        assertThat(queries.path("slowest-routes").path("query").asText())
                .contains("pct(latency_ms, 99)", "by method, route");
        assertThat(queries.path("errors-by-route").path("query").asText())
                .contains("status >= 500", "by method, route");
        assertThat(queries.path("deployment-decisions").path("query").asText()).contains("filter deploymentId =");
        assertThat(queries.path("deployment-decisions").path("groups").asText()).isEqualTo("${local.hook_log_groups}");

        Block saved = observability.resource("aws_cloudwatch_query_definition", "saved");
        assertThat(saved.body().path("for_each").asText()).contains("local.saved_queries");
        assertThat(saved.body().path("query_string").asText()).isEqualTo("${each.value.query}");
        String runbook = RepositoryLayout.read(RepositoryLayout.ROOT.resolve("docs/operations.md"));
        queries.properties()
                .forEach(query -> assertThat(runbook)
                        .as("the runbook names query " + query.getKey())
                        .contains("antigravity-prod/" + query.getKey()));
    }

    @Test
    void theDashboardHasTheOnCallWidgets() {
        assertThat(dashboard)
                .contains(
                        "Error % (API answers by status class)",
                        "p50 per route",
                        "p99 per route",
                        "RDS latency",
                        "RDS connections",
                        "Orders processed",
                        "Payment failures",
                        "Catalogue cache hit ratio",
                        "Deployments, change failures (DORA",
                        "Lead time and time to restore (DORA",
                        "Recent deployments and rollbacks",
                        "Dead-letter queues: messages waiting",
                        "API log lines: errors and 5xx answers");
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode call =
                    ModuleSource.environment(name).moduleCall("observability").body();
            assertThat(call.path("database_instance_id").asText()).as(name).contains("module.database.endpoint");
            assertThat(ModuleSource.environment(name)
                            .moduleCall("ecs_service")
                            .body()
                            .path("environment")
                            .asText())
                    .as(name + " tells the API the Service dimension the dashboard reads")
                    .contains("METRICS_SERVICE = module.observability.metrics_service");
        }
    }

    @Test
    void everyCustomMetricTheDashboardNamesIsOneSomethingEmits() throws IOException {
        Map<String, Set<String>> emitted = emitted();
        Set<String> everyEmitted = new TreeSet<>();
        emitted.values().forEach(everyEmitted::addAll);

        Set<String> named = new TreeSet<>();
        Matcher direct = DIRECT_METRIC.matcher(dashboard);
        while (direct.find()) {
            assertThat(emitted.getOrDefault(direct.group(1), Set.of()))
                    .as("dashboard names " + direct.group(1) + " " + direct.group(2))
                    .contains(direct.group(2));
            named.add(direct.group(2));
        }
        Matcher searched = SEARCHED_METRIC.matcher(dashboard);
        while (searched.find()) {
            assertThat(everyEmitted)
                    .as("dashboard searches " + searched.group(1))
                    .contains(searched.group(1));
            named.add(searched.group(1));
        }
        assertThat(dashboard)
                .contains("for name in keys(local.log_metric_filters) : [local.log_metrics_namespace, name");
        assertThat(named)
                .as("the custom metrics the dashboard charts")
                .contains(
                        "Requests",
                        "RequestLatency",
                        "OrdersProcessed",
                        "PaymentFailures",
                        "CacheHit",
                        "Deployments",
                        "ChangeFailures",
                        "LeadTimeSeconds",
                        "TimeToRestoreSeconds");
    }
}
