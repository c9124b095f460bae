package dev.antigravity.lambdas.app;

import java.util.ArrayList;
import java.util.List;

/**
 * What one event did: the handler's return value, the CLI's output and the log line. {@code reason} says why in
 * words; {@code actions} lists every side effect in order.
 */
public record Outcome(
        String handler,
        String eventId,
        Result result,
        String reason,
        String service,
        String deploymentId,
        String state,
        List<String> actions) {
    public enum Result {
        /** Side effects happened. */
        APPLIED,
        /** Deliberately not deployed (freeze, suspension, already running); a platform event may say so. */
        SKIPPED,
        /** Not Antigravity's business or not actionable now (unmanaged, ignored tag, late event). */
        IGNORED,
        /** This event id was handled before. */
        DUPLICATE,
        /** Malformed or unexpected input: acknowledged, never retried. */
        REJECTED
    }

    public Outcome {
        actions = List.copyOf(actions);
    }

    public static Outcome of(String handler, String eventId, Result result, String reason) {
        return new Outcome(handler, eventId, result, reason, null, null, null, List.of());
    }

    public Outcome about(String service, String deploymentId, String state) {
        return new Outcome(handler, eventId, result, reason, service, deploymentId, state, actions);
    }

    public Outcome withActions(List<String> more) {
        List<String> all = new ArrayList<>(actions);
        all.addAll(more);
        return new Outcome(handler, eventId, result, reason, service, deploymentId, state, all);
    }

    /** Actions that happened before this outcome's own (a use case that delegated its tail). */
    public Outcome after(List<String> earlier) {
        List<String> all = new ArrayList<>(earlier);
        all.addAll(actions);
        return new Outcome(handler, eventId, result, reason, service, deploymentId, state, all);
    }

    /** Several services touched by one event: the strongest result wins, reasons and actions are joined. */
    public static Outcome combine(String handler, String eventId, List<Outcome> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        Result strongest =
                parts.stream().map(Outcome::result).min(Enum::compareTo).orElse(Result.IGNORED);
        List<String> reasons = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (Outcome part : parts) {
            reasons.add((part.service() == null ? "" : part.service() + ": ") + part.reason());
            actions.addAll(part.actions());
        }
        return new Outcome(handler, eventId, strongest, String.join("; ", reasons), null, null, null, actions);
    }
}
