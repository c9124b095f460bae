package dev.antigravity.lambdas.domain.lifecycle;

import java.util.Objects;

/** The outcome of one lifecycle-hook check. */
public sealed interface CheckResult {
    String detail();

    /** The deployment may go on. */
    record Passed(String detail) implements CheckResult {
        public Passed {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Not good yet, but it may become so (targets warming up, alarm still evaluating, a throttled API): ask again. */
    record NotYet(String detail) implements CheckResult {
        public NotYet {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Definitely bad (a guard alarm in ALARM): roll back now. */
    record Failed(String detail) implements CheckResult {
        public Failed {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
