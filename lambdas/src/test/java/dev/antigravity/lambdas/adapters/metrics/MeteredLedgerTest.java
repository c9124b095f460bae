package dev.antigravity.lambdas.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.fakes.InMemoryLedger;
import dev.antigravity.lambdas.logging.LogContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every ledger transition that went through is one EMF line with its DORA data points. */
class MeteredLedgerTest {
    private static final Instant PUSHED = Instant.parse("2026-11-26T10:00:00Z");
    private static final ServiceRef API = new ServiceRef("prod", "api");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MeteredLedger ledger = new MeteredLedger(
            new InMemoryLedger(),
            new EmfWriter(new PrintStream(out, true, StandardCharsets.UTF_8)),
            "prod",
            () -> PUSHED);

    @Test
    void aDeploymentToStableEmitsItsTransitionsAndItsLeadTime() {
        Deployment pending = Deployment.accepted(
                API,
                "arn:aws:ecs:us-east-1:1:task-definition/api:7",
                "arn:aws:ecs:us-east-1:1:task-definition/api:6",
                "arn:aws:ecs:us-east-1:1:task-definition/api:6",
                new ImageRef("antigravity/api", "sha256:" + "a".repeat(64), "sha-aaaaaaa"),
                PUSHED,
                PUSHED.plusSeconds(2),
                "accepted");
        try (LogContext.Scope scope = LogContext.with("eventId", "push-1")) {
            ledger.create(pending);
        }
        Deployment current = pending;
        int minute = 1;
        for (DeploymentEvent event : List.of(
                DeploymentEvent.ECS_IN_PROGRESS,
                DeploymentEvent.ECS_COMPLETED,
                DeploymentEvent.VERIFICATION_PASSED,
                DeploymentEvent.BAKE_ELAPSED)) {
            Deployment next = current.on(event, PUSHED.plusSeconds(60L * minute++), event.name())
                    .orElseThrow();
            assertThat(ledger.transition(next, EnumSet.of(current.state()), current.version()))
                    .isTrue();
            current = next;
        }

        List<JsonNode> lines = lines();
        assertThat(lines)
                .extracting(line -> line.get("state").asText())
                .containsExactly("PENDING", "IN_PROGRESS", "VERIFYING", "BAKING", "STABLE");
        assertThat(lines.getFirst().get("eventId").asText()).isEqualTo("push-1");
        assertThat(lines.get(1).has("eventId")).isFalse();
        JsonNode stable = lines.getLast();
        assertThat(stable.get("Service").asText()).isEqualTo("prod/api");
        assertThat(stable.get("Environment").asText()).isEqualTo("prod");
        assertThat(stable.get("deploymentId").asText()).isEqualTo("api:7");
        assertThat(stable.get("Deployments").asDouble()).isEqualTo(1.0);
        assertThat(stable.get("LeadTimeSeconds").asDouble()).isEqualTo(240.0);
        JsonNode directive = stable.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("Antigravity");
        assertThat(directive.get("Dimensions").toString())
                .isEqualTo("[[\"Environment\",\"Service\"],[\"Environment\"]]");
        assertThat(directive.get("Metrics").findValuesAsText("Name"))
                .containsExactly("DeploymentTransitions", "Deployments", "LeadTimeSeconds");
        assertThat(stable.at("/_aws/Timestamp").asLong()).isEqualTo(PUSHED.toEpochMilli());
    }

    @Test
    void aLostConditionalWriteAndAnAmendmentInPlaceEmitNothing() {
        Deployment pending = Deployment.accepted(
                API,
                "arn:aws:ecs:us-east-1:1:task-definition/api:8",
                null,
                null,
                new ImageRef("antigravity/api", "sha256:" + "b".repeat(64), null),
                null,
                PUSHED,
                "accepted");
        ledger.create(pending);
        out.reset();

        Deployment next =
                pending.on(DeploymentEvent.ECS_IN_PROGRESS, PUSHED, "late").orElseThrow();
        assertThat(ledger.transition(next, EnumSet.of(DeploymentState.PENDING), 41))
                .isFalse();
        assertThat(ledger.transition(
                        pending.withEcsDeploymentId("ecs-svc/1"), Set.of(DeploymentState.PENDING), pending.version()))
                .isTrue();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private List<JsonNode> lines() {
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> {
                    try {
                        return new ObjectMapper().readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
