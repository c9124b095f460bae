package dev.antigravity.lambdas.cli;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.app.ServiceStatus;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link ServiceStatus}: a labelled block for a terminal (ANSI colour on states and alarms when asked),
 * or one {@code key=value} line for a pipe, a log or {@code grep}.
 */
final class StatusView {
    private static final String RED = "\033[31m";
    private static final String GREEN = "\033[32m";
    private static final String YELLOW = "\033[33m";
    private static final String BOLD = "\033[1m";
    private static final String RESET = "\033[0m";

    private final boolean colour;

    StatusView(boolean colour) {
        this.colour = colour;
    }

    List<String> block(ServiceStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add(paint(BOLD, status.service().key()) + "  at " + status.at());
        status.deployment()
                .ifPresentOrElse(
                        d -> {
                            lines.add(row(
                                    "deployment",
                                    d.deploymentId() + " (" + d.image().tag() + ")  "
                                            + paint(stateColour(d), d.state().name()) + bake(status)));
                            lines.add(row("why", d.reason()));
                        },
                        () -> lines.add(row("deployment", "none recorded yet")));
        lines.add(row(
                "ECS",
                status.ecs().deployments().stream()
                        .map(StatusView::ecsDeployment)
                        .collect(Collectors.joining(" · "))));
        lines.add(row("tasks", shares(status.taskShares(), " · ")));
        lines.add(row(
                "guard alarms",
                status.guardAlarms().isEmpty()
                        ? "none configured"
                        : status.guardAlarms().entrySet().stream()
                                .map(a -> a.getKey() + " "
                                        + paint(
                                                alarmColour(a.getValue()),
                                                a.getValue().name()))
                                .collect(Collectors.joining(" · "))));
        lines.add(row("automation", automation(status)));
        return lines;
    }

    /** One line: a stable order of {@code key=value} fields (values without spaces). */
    static String line(ServiceStatus status) {
        StringBuilder line =
                new StringBuilder(status.at() + " service=" + status.service().key());
        status.deployment()
                .ifPresent(d -> line.append(" deployment=")
                        .append(d.deploymentId())
                        .append(" version=")
                        .append(d.image().tag())
                        .append(" state=")
                        .append(d.state()));
        status.bakeLeft()
                .ifPresent(left -> line.append(" bake_left=")
                        .append(ReportCommand.human(left).replace(" ", "")));
        line.append(" tasks=").append(shares(status.taskShares(), ","));
        status.guardAlarms()
                .forEach((name, state) ->
                        line.append(" alarm:").append(name).append('=').append(state));
        line.append(" automation=")
                .append(
                        status.suspension().isPresent()
                                ? "SUSPENDED"
                                : status.frozen().isPresent() ? "FROZEN" : "on");
        return line.toString();
    }

    private static String bake(ServiceStatus status) {
        return status.bakeLeft()
                .map(left -> "  bake " + ReportCommand.human(left) + " left (until "
                        + status.deployment()
                                .flatMap(d -> d.at(TimelineKey.bakeUntil))
                                .orElseThrow() + ")")
                .orElse("");
    }

    private static String ecsDeployment(EcsDeployment d) {
        return Deployment.idOf(d.taskDefinitionArn()) + " " + d.status() + " "
                + (d.rolloutState() == null ? "" : d.rolloutState() + " ") + d.runningCount() + "/" + d.desiredCount();
    }

    private static String shares(Map<String, Integer> shares, String separator) {
        return shares.isEmpty()
                ? "-"
                : shares.entrySet().stream()
                        .map(s -> s.getKey() + ":" + s.getValue() + "%")
                        .collect(Collectors.joining(separator));
    }

    private static String automation(ServiceStatus status) {
        List<String> held = new ArrayList<>();
        status.suspension().ifPresent(s -> held.add("SUSPENDED since " + s.since() + ": " + s.reason()));
        status.frozen().ifPresent(reason -> held.add("FROZEN: " + reason));
        return held.isEmpty() ? "on (not suspended, not frozen)" : String.join("; ", held);
    }

    private static String row(String label, String value) {
        return String.format("%-13s%s", label, value);
    }

    private String paint(String ansi, String text) {
        return colour && ansi != null ? ansi + text + RESET : text;
    }

    private static String stateColour(Deployment d) {
        return switch (d.state()) {
            case STABLE -> GREEN;
            case FAILED, ROLLING_BACK, ROLLED_BACK, ROLLBACK_FAILED -> RED;
            case SUPERSEDED -> null;
            default -> YELLOW;
        };
    }

    private static String alarmColour(AlarmStatus status) {
        return switch (status) {
            case OK -> GREEN;
            case ALARM, MISSING -> RED;
            case INSUFFICIENT_DATA -> YELLOW;
        };
    }
}
