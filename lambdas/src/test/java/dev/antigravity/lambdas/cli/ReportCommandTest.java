package dev.antigravity.lambdas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.fakes.InMemoryLedger;
import dev.antigravity.lambdas.notifyfixtures.LedgerTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ReportCommandTest {
    private static final ServiceRef API = new ServiceRef("prod", "api");
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void theTableShowsTheFourKeysWithTheirBasis() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.create(
                deployment(1, DeploymentState.STABLE, NOW.minus(Duration.ofDays(3)), Duration.ofMinutes(20), null));
        ledger.create(
                deployment(2, DeploymentState.STABLE, NOW.minus(Duration.ofDays(2)), Duration.ofMinutes(90), null));
        ledger.create(deployment(
                3, DeploymentState.ROLLED_BACK, NOW.minus(Duration.ofDays(1)), null, Duration.ofMinutes(12)));

        String table = ReportCommand.table(ReportCommand.report(ledger, API, 7, InstantSource.fixed(NOW)));

        assertThat(table).isEqualTo("""
                DORA figures for prod/api, 2026-11-19T00:00:00Z → 2026-11-26T00:00:00Z
                METRIC                   VALUE                  BASIS
                Deployment frequency     0.29 / day             2 deployments reached STABLE
                Lead time for changes    20m (p90 1h 30m)       median, image pushed → STABLE, 2 deployments
                Change failure rate      33.3 %                 1 of 3 finished deployments failed
                Time to restore          12m                    median, 1 failures restored, 0 not yet
                """);
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(ReportCommand.human(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ReportCommand.human(Duration.ofSeconds(90))).isEqualTo("1m 30s");
        assertThat(ReportCommand.human(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThat(ReportCommand.human(Duration.ofHours(25))).isEqualTo("1d 1h");
    }

    @Test
    void theCliReportsFromTheDynamoDbLedgerOnMoto() throws Exception {
        DynamoDbClient dynamo = MotoServer.client(DynamoDbClient.builder());
        String table = LedgerTables.create(dynamo);
        DynamoDbLedger ledger = new DynamoDbLedger(dynamo, table, Clock.systemUTC());
        Instant now = Instant.now();
        ledger.create(
                deployment(1, DeploymentState.STABLE, now.minus(Duration.ofHours(5)), Duration.ofMinutes(30), null));
        ledger.create(deployment(
                2, DeploymentState.ROLLED_BACK, now.minus(Duration.ofHours(2)), null, Duration.ofMinutes(6)));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AWS_ENDPOINT_URL", MotoServer.endpoint().toString());
        env.put("AWS_REGION", MotoServer.region().id());
        env.put("LEDGER_TABLE", table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Cli.run(
                new String[] {"report", "--service", "prod/api", "--days", "1", "--json"},
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("deployments").asInt()).isEqualTo(1);
        assertThat(report.get("leadTimeMedianSeconds").asLong()).isEqualTo(1800);
        assertThat(report.get("changeFailureRate").asDouble()).isEqualTo(0.5);
        assertThat(report.get("timeToRestoreMedianSeconds").asLong()).isEqualTo(360);
        dynamo.deleteTable(r -> r.tableName(table));
    }

    @Test
    void aMissingServiceIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(
                new String[] {"report", "--days", "7"},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("report needs --service");
    }

    /** A deployment pushed at {@code pushed}; it became STABLE after {@code lead}, or failed and rolled back. */
    private static Deployment deployment(
            int n, DeploymentState state, Instant pushed, Duration lead, Duration restore) {
        Map<TimelineKey, Instant> timeline = new EnumMap<>(TimelineKey.class);
        timeline.put(TimelineKey.imagePushedAt, pushed);
        timeline.put(TimelineKey.acceptedAt, pushed.plusSeconds(1));
        if (lead != null) {
            timeline.put(TimelineKey.stableAt, pushed.plus(lead));
        }
        if (restore != null) {
            timeline.put(TimelineKey.rollbackStartedAt, pushed.plusSeconds(600));
            timeline.put(TimelineKey.rolledBackAt, pushed.plusSeconds(600).plus(restore));
        }
        String arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:" + n;
        return new Deployment(
                API,
                Deployment.idOf(arn),
                arn,
                null,
                null,
                new ImageRef("antigravity/api", "sha256:" + String.valueOf(n).repeat(64), "sha-" + n),
                state,
                null,
                true,
                timeline,
                "fixture",
                null,
                false,
                null,
                0);
    }
}
