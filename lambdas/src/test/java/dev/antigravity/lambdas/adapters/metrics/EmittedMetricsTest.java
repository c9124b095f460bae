package dev.antigravity.lambdas.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.dora.DeploymentFacts;
import dev.antigravity.lambdas.domain.dora.MetricValue;
import dev.antigravity.lambdas.domain.dora.TransitionMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dashboard may chart only metrics something emits (terraform/modules/observability/emitted-metrics.json): the
 * deploy hooks' namespace there must be exactly what their EMF lines define, over every ledger state.
 */
class EmittedMetricsTest {
    private static final String[] STATES = {
        "PENDING",
        "IN_PROGRESS",
        "VERIFYING",
        "BAKING",
        "STABLE",
        "FAILED",
        "ROLLING_BACK",
        "ROLLED_BACK",
        "ROLLBACK_FAILED",
        "SUPERSEDED"
    };

    @Test
    void theHooksNamespaceInTheCatalogueIsWhatTheirEmfLinesDefine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmfWriter emf = new EmfWriter(new PrintStream(out, true, StandardCharsets.UTF_8));
        Map<TimelineKey, Instant> everything = new EnumMap<>(TimelineKey.class);
        for (TimelineKey key : TimelineKey.values()) {
            everything.put(key, Instant.parse("2026-11-30T08:00:00Z"));
        }
        for (String state : STATES) {
            for (Map<TimelineKey, Instant> timeline : java.util.List.of(
                    everything,
                    Map.<TimelineKey, Instant>of(TimelineKey.imagePushedAt, Instant.parse("2026-11-30T07:00:00Z")))) {
                emf.write(
                        Instant.now(),
                        "prod",
                        "prod/api",
                        TransitionMetrics.of(new DeploymentFacts("prod/api", "api:1", state, timeline)),
                        Map.of());
            }
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> emitted = new TreeSet<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode directive =
                    json.readTree(line).path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo(EmfWriter.NAMESPACE);
            directive
                    .path("Metrics")
                    .forEach(metric -> emitted.add(metric.path("Name").asText()));
        }

        JsonNode catalogue = json.readTree(
                Files.readString(Path.of("..", "terraform", "modules", "observability", "emitted-metrics.json")));
        Set<String> declared = new TreeSet<>();
        catalogue.path(EmfWriter.NAMESPACE).forEach(name -> declared.add(name.asText()));
        assertThat(emitted).isEqualTo(declared);
        assertThat(MetricValue.COUNT).isNotBlank();
    }
}
