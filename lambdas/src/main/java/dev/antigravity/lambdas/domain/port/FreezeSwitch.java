package dev.antigravity.lambdas.domain.port;

import java.util.Optional;

/** The deployment freeze (an SSM parameter whose value "true" freezes). */
public interface FreezeSwitch {

    /** The reason deployments are frozen, or empty when they are not. */
    Optional<String> frozen();

    /** Turns the freeze on (a person's request: Slack, the CLI); later pushes are skipped until it is lifted. */
    void freeze();

    /** Turns the freeze off; true when it was on. */
    boolean lift();
}
