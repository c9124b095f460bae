package dev.antigravity.lambdas.domain.control;

import java.util.Arrays;
import java.util.Optional;

/** What the on-call person can do from Slack or the CLI; each goes through the use case the automation uses. */
public enum ControlAction {
    /** Roll the deployment in flight back now (a rollback with a human cause). */
    ROLLBACK("rollback", "Roll back now"),
    /** End the bake early: BAKING becomes STABLE, if ECS runs it. */
    PROMOTE("promote", "Promote"),
    /** Turn the deployment freeze on: later pushes are skipped. */
    FREEZE("freeze", "Freeze deployments"),
    /** Lift an automation suspension and the freeze. */
    RESUME("resume", "Resume automation");

    private final String id;
    private final String label;

    ControlAction(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in configuration, in Slack's {@code action_id} and on the command line. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ControlAction> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
