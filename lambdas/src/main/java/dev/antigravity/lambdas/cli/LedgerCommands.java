package dev.antigravity.lambdas.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.wiring.hooks.DaggerLedgerComponent;
import dev.antigravity.lambdas.wiring.hooks.LedgerComponent;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code ledger}: the ledger seen from a terminal. */
final class LedgerCommands {
    private LedgerCommands() {}

    static int run(String command, String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ServiceRef ref = service(args);
        if (ref == null) {
            err.println(command + " needs --service <cluster>/<service>");
            return Cli.usage(err);
        }
        LedgerComponent graph = DaggerLedgerComponent.factory().create(env);
        DynamoDbLedger ledger = graph.ledger();
        String limit = option(args, "--limit");
        List<Deployment> history = ledger.history(ref, limit == null ? 20 : Integer.parseInt(limit));
        ledger.suspension(ref)
                .ifPresent(s -> out.println("# automation SUSPENDED since " + s.since() + ": " + s.reason()));
        boolean json = List.of(args).contains("--json");
        if (!json) {
            out.printf(
                    "%-12s %-16s %-18s %-12s %-24s %-24s %s%n",
                    "DEPLOYMENT", "STATE", "VERSION", "ROLLBACK TO", "ACCEPTED", "LAST CHANGE", "REASON");
        }
        for (Deployment d : history) {
            if (json) {
                out.println(toJson(graph, d));
            } else {
                out.printf(
                        "%-12s %-16s %-18s %-12s %-24s %-24s %s%n",
                        d.deploymentId(),
                        d.state(),
                        d.image().tag(),
                        d.rollbackTarget().map(Deployment::idOf).orElse("-"),
                        d.at(TimelineKey.acceptedAt).map(Object::toString).orElse("-"),
                        d.timeline().values().stream()
                                .max(java.time.Instant::compareTo)
                                .map(Object::toString)
                                .orElse("-"),
                        d.reason());
            }
        }
        return 0;
    }

    private static ObjectNode toJson(LedgerComponent graph, Deployment d) {
        ObjectNode node = graph.codec().mapper().createObjectNode();
        node.put("service", d.service().key());
        node.put("deploymentId", d.deploymentId());
        node.put("state", d.state().name());
        node.put("taskDefinitionArn", d.taskDefinitionArn());
        node.put("image", d.image().repository() + "@" + d.image().digest());
        node.put("version", d.image().tag());
        node.put("rollbackTargetArn", d.rollbackTargetArn());
        node.put("reason", d.reason());
        ObjectNode timeline = node.putObject("timeline");
        d.timeline().forEach((key, at) -> timeline.put(key.name(), at.toString()));
        return node;
    }

    /** {@code --service <cluster>/<service>}, or null when absent or malformed. */
    static ServiceRef service(String[] args) {
        String service = option(args, "--service");
        if (service == null || !service.contains("/")) {
            return null;
        }
        String[] parts = service.split("/", 2);
        return parts[0].isBlank() || parts[1].isBlank() ? null : new ServiceRef(parts[0], parts[1]);
    }

    static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
