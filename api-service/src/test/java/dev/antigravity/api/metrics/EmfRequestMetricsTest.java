package dev.antigravity.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.api.cache.CacheLookups;
import dev.antigravity.api.logging.LineWriter;
import dev.antigravity.api.service.OrderMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The API's EMF lines, read as CloudWatch reads them (the specification's schema and rules): request latency per
 * route template and status class, orders processed, payment failures, cache hits; dimensions bounded; and the metric names are exactly the ones
 * the dashboard may name (terraform/modules/observability/emitted-metrics.json).
 */
class EmfRequestMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfWriter writer =
            new EmfWriter(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
    private final EmfAggregator emf = new EmfAggregator(writer, Clock.fixed(NOW, ZoneOffset.UTC));
    private final EmfRequestMetrics requests = new EmfRequestMetrics(emf, "antigravity-prod/api");

    /** Every line written, after writing what the aggregator still held. */
    private List<String> lines() {
        emf.flush();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static RequestOutcome outcome(String method, String route, String path, int status, long micros) {
        return new RequestOutcome(method, route, path, status, Duration.ofNanos(micros * 1000), "req-1", "bob");
    }

    @Test
    void requestsOfOneRouteTemplateAndStatusClassShareOneEmfLineWithTheirLatenciesAndCounts() throws IOException {
        requests.accept(outcome("GET", "/api/orders/{id}", "/api/orders/42", 503, 12_345));
        requests.accept(outcome("GET", "/api/orders/{id}", "/api/orders/43", 500, 2_000));
        assertThat(out.size()).as("nothing written before the flush").isZero();

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        String line = lines.getFirst();
        List<EmfSpecification.Directive> directives = EmfSpecification.parse(line);
        assertThat(directives).singleElement().satisfies(directive -> {
            assertThat(directive.namespace()).isEqualTo("Antigravity/Api");
            assertThat(directive.metrics()).containsExactly("RequestLatency", "Requests");
            assertThat(directive.dimensionSets())
                    .containsExactly(
                            Map.of("Service", "antigravity-prod/api", "Route", "GET /api/orders/{id}"),
                            Map.of(
                                    "Service",
                                    "antigravity-prod/api",
                                    "Route",
                                    "GET /api/orders/{id}",
                                    "StatusClass",
                                    "5xx"),
                            Map.of("Service", "antigravity-prod/api", "StatusClass", "5xx"));
        });
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(EmfCapture.values(line, "RequestLatency")).containsExactly(12.345, 2.0);
        assertThat(EmfCapture.values(line, "Requests")).containsExactly(1.0, 1.0);
        assertThat(json.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(line).doesNotContain("/api/orders/42");
        assertThat(lines())
                .as("a flush writes what arrived since the last one only")
                .hasSize(1);
    }

    @Test
    void aSeriesIsWrittenAtOnceWhenItHoldsAHundredValuesAndNoLineHoldsMore() {
        for (int i = 0; i < EmfAggregator.MAX_VALUES * 2 + 1; i++) {
            requests.accept(outcome("GET", "/api/products/{id}", "/api/products/1", 200, 1_000 + i));
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .as("two full lines before any flush")
                .hasSize(2);

        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        List<Double> latencies = new ArrayList<>();
        for (String line : lines) {
            EmfSpecification.parse(line);
            latencies.addAll(EmfCapture.values(line, "RequestLatency"));
        }
        assertThat(latencies)
                .containsExactlyElementsOf(IntStream.range(0, EmfAggregator.MAX_VALUES * 2 + 1)
                        .mapToObj(i -> (1_000 + i) / 1_000.0)
                        .toList());
    }

    /** Requests from many threads: every one counted exactly once, whatever the interleaving of adds and flushes. */
    @Test
    void concurrentRequestsAreEachCountedExactlyOnce() throws Exception {
        int threads = 8;
        int perThread = 1_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int status = t % 2 == 0 ? 200 : 404;
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    requests.accept(outcome("GET", "/api/products", "/api/products", status, 100));
                    if (i % 97 == 0) {
                        emf.flush();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }

        Map<String, Double> requestsByClass = new TreeMap<>();
        int latencies = 0;
        for (String line : lines()) {
            Map<String, String> dimensions =
                    EmfSpecification.parse(line).getFirst().dimensionSets().get(1);
            List<Double> counts = EmfCapture.values(line, "Requests");
            assertThat(counts).hasSizeLessThanOrEqualTo(EmfAggregator.MAX_VALUES);
            requestsByClass.merge(
                    dimensions.get("StatusClass"),
                    counts.stream().mapToDouble(Double::doubleValue).sum(),
                    Double::sum);
            latencies += EmfCapture.values(line, "RequestLatency").size();
        }
        assertThat(requestsByClass)
                .containsExactlyEntriesOf(
                        new TreeMap<>(Map.of("2xx", threads / 2.0 * perThread, "4xx", threads / 2.0 * perThread)));
        assertThat(latencies).isEqualTo(threads * perThread);
    }

    @Test
    void dimensionsStayBoundedWhateverTheClientSends() {
        requests.accept(outcome("BREW", "unmatched", "/wp-admin/../x?y=1", 404, 100));
        requests.accept(outcome("GET", "unmatched", "/favicon.ico", 404, 100));
        requests.accept(outcome("POST", "/api/orders", "/api/orders", 201, 100));

        Set<String> routes = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        lines().forEach(line -> EmfSpecification.parse(line)
                .forEach(directive -> directive.dimensionSets().forEach(set -> {
                    if (set.containsKey("Route")) {
                        routes.add(set.get("Route"));
                    }
                    if (set.containsKey("StatusClass")) {
                        classes.add(set.get("StatusClass"));
                    }
                })));
        assertThat(routes).containsExactly("GET unmatched", "OTHER unmatched", "POST /api/orders");
        assertThat(classes).containsExactly("2xx", "4xx");
        assertThat(EmfRequestMetrics.statusClass(99)).isEqualTo("other");
        assertThat(List.of(100, 199, 200, 302, 404, 499, 500, 599).stream().map(EmfRequestMetrics::statusClass))
                .containsExactly("1xx", "1xx", "2xx", "3xx", "4xx", "4xx", "5xx", "5xx");
        assertThat(EmfRequestMetrics.statusClass(600)).isEqualTo("other");
    }

    /** In production the lines go through the log lines' writer: whole, valid, every request counted. */
    @Test
    void linesThroughTheSharedLineWriterArriveWholeFromManyThreadsWithEveryRequestCounted() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        LineWriter lines =
                new LineWriter(new PrintStream(stdout, false, StandardCharsets.UTF_8), 4096, "test-stdout-writer");
        EmfAggregator shared =
                new EmfAggregator(new EmfWriter(lines::write, Clock.fixed(NOW, ZoneOffset.UTC)), Clock.systemUTC());
        EmfRequestMetrics metrics = new EmfRequestMetrics(shared, "antigravity-prod/api");
        List<Thread> threads = IntStream.range(0, 8)
                .mapToObj(t -> Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        metrics.accept(outcome("GET", "/api/products/{id}", "/api/products/" + i, 200 + t % 2, 50));
                    }
                }))
                .toList();
        for (Thread thread : threads) {
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
        }
        shared.flush();
        lines.flush();
        double requests = 0;
        for (String line : stdout.toString(StandardCharsets.UTF_8).lines().toList()) {
            assertThat(EmfSpecification.parse(line)).isNotEmpty();
            requests += EmfCapture.values(line, EmfRequestMetrics.REQUESTS).stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
        assertThat(requests).isEqualTo(8_000);
    }

    @Test
    void ordersProcessedIsCountedByOutcome() {
        EmfCounts orders = EmfCounts.ordersProcessed(emf, "antigravity-prod/api");
        orders.accept("placed");
        orders.accept("expired");

        assertThat(lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(EmfSpecification.parse(line))
                        .singleElement()
                        .satisfies(directive -> {
                            assertThat(directive.metrics()).containsExactly("OrdersProcessed");
                            assertThat(directive.dimensionSets())
                                    .extracting(Map::keySet)
                                    .containsExactly(Set.of("Service", "Outcome"), Set.of("Service"));
                        }));
    }

    @Test
    void paymentFailuresAreCountedByReason() throws IOException {
        EmfCounts.paymentFailures(emf, "antigravity-prod/api").accept("declined");

        String line = lines().getFirst();
        assertThat(EmfSpecification.parse(line)).singleElement().satisfies(directive -> {
            assertThat(directive.metrics()).containsExactly("PaymentFailures");
            assertThat(directive.dimensionSets())
                    .containsExactly(
                            Map.of("Service", "antigravity-prod/api", "Reason", "declined"),
                            Map.of("Service", "antigravity-prod/api"));
        });
        assertThat(EmfCapture.values(line, "PaymentFailures")).containsExactly(1.0);
    }

    @Test
    void eachCacheLookupIsOneOrZeroSoThatItsAverageIsTheHitRatio() {
        EmfCacheMetrics cache = new EmfCacheMetrics(emf, "antigravity-prod/api");
        cache.lookedUp(CacheLookups.Kind.product, true);
        cache.lookedUp(CacheLookups.Kind.page, false);
        cache.lookedUp(CacheLookups.Kind.product, false);

        // One line per Cache value; the order of the lines is not the order of the lookups.
        Map<String, List<Double>> byCache = new TreeMap<>();
        for (String line : lines()) {
            assertThat(EmfSpecification.parse(line)).singleElement().satisfies(directive -> {
                assertThat(directive.metrics()).containsExactly("CacheHit");
                assertThat(directive.dimensionSets().get(1)).isEqualTo(Map.of("Service", "antigravity-prod/api"));
                byCache.put(directive.dimensionSets().getFirst().get("Cache"), EmfCapture.values(line, "CacheHit"));
            });
        }
        assertThat(byCache)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("page", List.of(0.0), "product", List.of(1.0, 0.0))));
    }

    @Test
    void theWriterRefusesWhatCloudWatchWouldDropAndLetsNoPropertyOverwriteAMetric() {
        assertThatThrownBy(() -> new EmfAggregator.Series(
                        Map.of("Service", "x"),
                        List.of(List.of("Route")),
                        List.of(new EmfAggregator.Definition("M", EmfWriter.Unit.Count))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Route");
        EmfAggregator.Series one = new EmfAggregator.Series(
                Map.of("Service", "x"),
                List.of(List.of("Service")),
                List.of(new EmfAggregator.Definition("M", EmfWriter.Unit.Count)));
        assertThatThrownBy(() -> emf.add(one, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(
                        Map.of("Service", "x"),
                        List.of(List.of("Route")),
                        List.of(new EmfWriter.Metric("M", EmfWriter.Unit.Count, 1)),
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Route");
        List<EmfWriter.Metric> tooMany = IntStream.rangeClosed(0, EmfWriter.MAX_METRICS)
                .mapToObj(i -> new EmfWriter.Metric("M" + i, EmfWriter.Unit.Count, i))
                .toList();
        assertThatThrownBy(() -> writer.write(Map.of(), List.of(List.of()), tooMany, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);

        writer.write(
                Map.of("Service", "x"),
                List.of(List.of("Service")),
                List.of(new EmfWriter.Metric("Requests", EmfWriter.Unit.Count, 1)),
                Map.of("Requests", "not a number", "Service", 7));
        assertThat(EmfSpecification.parse(lines().getLast()))
                .singleElement()
                .satisfies(directive ->
                        assertThat(directive.dimensionSets().getFirst()).containsEntry("Service", "x"));
    }

    /** The dashboard lists dimension values (a widget cannot search them with a fixed colour each): all the code emits. */
    @Test
    void theDashboardChartsEveryDimensionValueTheCodeEmits() throws IOException {
        String dashboard = Files.readString(Path.of("..", "terraform", "modules", "observability", "dashboard.tf"));
        assertThat(listedIn(dashboard, "outcome"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderMetrics.Outcome.values())
                        .map(Enum::name)
                        .toList());
        assertThat(listedIn(dashboard, "reason"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderMetrics.PaymentFailure.values())
                        .map(Enum::name)
                        .toList());
        assertThat(listedIn(dashboard, "kind"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(CacheLookups.Kind.values())
                        .map(Enum::name)
                        .toList());
    }

    /** The values of every {@code for <variable> in ["a", "b"]} of the dashboard, each list the same. */
    private static Set<String> listedIn(String dashboard, String variable) {
        Matcher lists = Pattern.compile("for " + variable + " in \\[([^\\]]*)]").matcher(dashboard);
        Set<List<String>> found = new java.util.HashSet<>();
        while (lists.find()) {
            found.add(Arrays.stream(lists.group(1).split(","))
                    .map(v -> v.trim().replace("\"", ""))
                    .toList());
        }
        assertThat(found).as("the dashboard's lists of " + variable).hasSize(1);
        return new TreeSet<>(found.iterator().next());
    }

    @Test
    void theMetricNamesAreExactlyTheOnesTheDashboardMayName() throws IOException {
        requests.accept(outcome("GET", "/api/products", "/api/products", 200, 100));
        EmfCounts.ordersProcessed(emf, "api").accept("paid");
        EmfCounts.paymentFailures(emf, "api").accept("create");
        new EmfCacheMetrics(emf, "api").lookedUp(CacheLookups.Kind.page, true);
        List<String> emitted = new ArrayList<>();
        lines().forEach(line -> EmfSpecification.parse(line).forEach(directive -> {
            assertThat(directive.namespace()).isEqualTo(EmfWriter.NAMESPACE);
            emitted.addAll(directive.metrics());
        }));

        JsonNode catalogue = new ObjectMapper()
                .readTree(Files.readString(
                        Path.of("..", "terraform", "modules", "observability", "emitted-metrics.json")));
        List<String> declared = new ArrayList<>();
        catalogue.path(EmfWriter.NAMESPACE).forEach(name -> declared.add(name.asText()));
        assertThat(emitted).containsExactlyInAnyOrderElementsOf(declared);
    }
}
