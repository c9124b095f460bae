package dev.antigravity.lambdas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.lambdas.adapters.metrics.MeteredLedger;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.dora.DoraCalculator;
import dev.antigravity.lambdas.domain.dora.DoraReport;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.wiring.hooks.DaggerLedgerComponent;
import dev.antigravity.lambdas.wiring.hooks.LedgerComponent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code report --service S --days N [--json]}: the service's DORA figures from the ledger, as a table. */
final class ReportCommand {
    /** The most recent deployments read; far more than a month of a busy service. */
    static final int HISTORY_LIMIT = 500;

    private ReportCommand() {}

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String service = LedgerCommands.option(args, "--service");
        String days = LedgerCommands.option(args, "--days");
        if (service == null || !service.contains("/") || (days != null && !days.matches("[1-9][0-9]{0,3}"))) {
            err.println("report needs --service <cluster>/<service> and optionally --days N (1-9999, default 30)");
            return Cli.usage(err);
        }
        String[] parts = service.split("/", 2);
        LedgerComponent graph = DaggerLedgerComponent.factory().create(env);
        DoraReport report = report(
                graph.ledger(),
                new ServiceRef(parts[0], parts[1]),
                days == null ? 30 : Integer.parseInt(days),
                InstantSource.system());
        out.print(List.of(args).contains("--json") ? json(graph.codec().mapper(), report) + "\n" : table(report));
        return 0;
    }

    static DoraReport report(LedgerPort ledger, ServiceRef service, int days, InstantSource clock) {
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return DoraCalculator.compute(
                service.key(),
                ledger.history(service, HISTORY_LIMIT).stream()
                        .map(MeteredLedger::facts)
                        .toList(),
                to.minus(Duration.ofDays(days)),
                to);
    }

    static String table(DoraReport r) {
        StringBuilder table = new StringBuilder();
        table.append("DORA figures for ")
                .append(r.service())
                .append(", ")
                .append(r.from())
                .append(" → ")
                .append(r.to())
                .append('\n');
        String row = "%-24s %-22s %s%n";
        table.append(row.formatted("METRIC", "VALUE", "BASIS"));
        table.append(row.formatted(
                "Deployment frequency",
                String.format(Locale.ROOT, "%.2f / day", r.perDay()),
                r.deployments() + " deployments reached STABLE"));
        table.append(row.formatted(
                "Lead time for changes",
                r.leadTimeMedian()
                        .map(m -> human(m) + " (p90 " + human(r.leadTimeP90().orElseThrow()) + ")")
                        .orElse("–"),
                "median, image pushed → STABLE, " + r.leadTimeSamples() + " deployments"));
        table.append(row.formatted(
                "Change failure rate",
                r.changeFailureRate()
                        .map(rate -> String.format(Locale.ROOT, "%.1f %%", rate * 100))
                        .orElse("–"),
                r.failed() + " of " + r.finished() + " finished deployments failed"));
        table.append(row.formatted(
                "Time to restore",
                r.restoreMedian().map(ReportCommand::human).orElse("–"),
                "median, " + r.restored() + " failures restored, " + r.unrestored() + " not yet"));
        return table.toString();
    }

    static String json(ObjectMapper mapper, DoraReport r) {
        ObjectNode node = mapper.createObjectNode();
        node.put("service", r.service());
        node.put("from", r.from().toString());
        node.put("to", r.to().toString());
        node.put("deployments", r.deployments());
        node.put("deploymentsPerDay", r.perDay());
        putSeconds(node, "leadTimeMedianSeconds", r.leadTimeMedian());
        putSeconds(node, "leadTimeP90Seconds", r.leadTimeP90());
        node.put("leadTimeSamples", r.leadTimeSamples());
        node.put("finished", r.finished());
        node.put("failed", r.failed());
        r.changeFailureRate()
                .ifPresentOrElse(rate -> node.put("changeFailureRate", rate), () -> node.putNull("changeFailureRate"));
        putSeconds(node, "timeToRestoreMedianSeconds", r.restoreMedian());
        node.put("restored", r.restored());
        node.put("unrestored", r.unrestored());
        return node.toString();
    }

    private static void putSeconds(ObjectNode node, String field, Optional<Duration> duration) {
        duration.ifPresentOrElse(d -> node.put(field, d.toSeconds()), () -> node.putNull(field));
    }

    /** 90 → "1m 30s", 5400 → "1h 30m", 90000 → "1d 1h". */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
        }
        return seconds / 86_400 + "d" + (seconds % 86_400 / 3600 == 0 ? "" : " " + seconds % 86_400 / 3600 + "h");
    }
}
