package dev.antigravity.lambdas.domain.lifecycle;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one lifecycle-hook check. {@code evidence} goes into the answer's hookDetails (ECS shows it, and
 * echoes it on the next call): figures a person reads, and what a check that waits must remember.
 */
public sealed interface CheckResult {
    String detail();

    Map<String, Object> evidence();

    /** The deployment may go on. */
    record Passed(String detail, Map<String, Object> evidence) implements CheckResult {
        public Passed {
            Objects.requireNonNull(detail, "detail");
            evidence = Map.copyOf(evidence);
        }

        public Passed(String detail) {
            this(detail, Map.of());
        }
    }

    /** Not good yet, but it may become so (targets warming up, alarm still evaluating, a throttled API): ask again. */
    record NotYet(String detail, Map<String, Object> evidence) implements CheckResult {
        public NotYet {
            Objects.requireNonNull(detail, "detail");
            evidence = Map.copyOf(evidence);
        }

        public NotYet(String detail) {
            this(detail, Map.of());
        }
    }

    /**
     * Still collecting, within a bound the check keeps itself (the canary's analysis window): ask again after
     * {@code callBackDelaySeconds}. Unlike {@link NotYet} it does not spend the stage's attempts.
     */
    record Waiting(String detail, int callBackDelaySeconds, Map<String, Object> evidence) implements CheckResult {
        public Waiting {
            Objects.requireNonNull(detail, "detail");
            if (callBackDelaySeconds < 0) {
                throw new IllegalArgumentException("negative call-back delay");
            }
            evidence = Map.copyOf(evidence);
        }
    }

    /** Definitely bad (a guard alarm in ALARM): roll back now. */
    record Failed(String detail, Map<String, Object> evidence) implements CheckResult {
        public Failed {
            Objects.requireNonNull(detail, "detail");
            evidence = Map.copyOf(evidence);
        }

        public Failed(String detail) {
            this(detail, Map.of());
        }
    }
}
