package dev.antigravity.lambdas.domain.control;

import dev.antigravity.lambdas.domain.ServiceRef;
import java.util.Objects;

/**
 * One person's request to act on a service.
 *
 * @param deploymentId the deployment the request names (a Slack message's), or null for "the one in flight"
 * @param requestId    unique per request (Slack's action timestamp, a CLI run id): the cause recorded in the ledger
 * @param note         the person's own words, if they gave any (the CLI's {@code --reason}), else null
 */
public record ControlRequest(
        ControlAction action,
        ServiceRef service,
        String deploymentId,
        Operator operator,
        String requestId,
        String note) {
    public ControlRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Who asked and why, as the ledger and the announcement record it. */
    public String why() {
        return action.label().toLowerCase(java.util.Locale.ROOT) + " asked by " + operator
                + (note == null || note.isBlank() ? "" : ": " + note);
    }

    /** The cause id of a rollback this request starts: names the person, unique per request. */
    public String causeId() {
        return "manual/" + operator.source() + "/" + operator.id() + "/" + requestId;
    }
}
