package dev.antigravity.lambdas.domain.dora;

import dev.antigravity.events.platform.TimelineKey;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the DORA calculator needs of one ledger record: its final-so-far state and the timestamps of its life.
 *
 * @param state the ledger state name (PENDING … STABLE, FAILED, ROLLING_BACK, ROLLED_BACK, ROLLBACK_FAILED,
 *              SUPERSEDED)
 */
public record DeploymentFacts(String service, String deploymentId, String state, Map<TimelineKey, Instant> timeline) {
    public DeploymentFacts {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(state, "state");
        EnumMap<TimelineKey, Instant> copy = new EnumMap<>(TimelineKey.class);
        if (timeline != null) {
            copy.putAll(timeline);
        }
        timeline = Collections.unmodifiableMap(copy);
    }

    public Optional<Instant> at(TimelineKey key) {
        return Optional.ofNullable(timeline.get(key));
    }

    /**
     * When this deployment was known to have failed: the earlier of ECS failing it (circuit breaker, failed
     * verification) and its rollback starting; empty for a deployment that never failed.
     */
    public Optional<Instant> failedAt() {
        Optional<Instant> failed = at(TimelineKey.failedAt);
        Optional<Instant> rollback = at(TimelineKey.rollbackStartedAt);
        if (failed.isPresent() && rollback.isPresent()) {
            return Optional.of(failed.get().isBefore(rollback.get()) ? failed.get() : rollback.get());
        }
        return failed.isPresent() ? failed : rollback;
    }
}
