package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The ledger with DynamoDB's semantics (as {@code DynamoDbLedger}): conditional creates and transitions on state
 * and version, strongly consistent {@link #find} and {@link #head}, a decision lock that frees itself at its
 * expiry, processed ids with a TTL. {@link #history} reads the index (a GSI, eventually consistent on DynamoDB):
 * each write reaches it only after a seeded number of further ledger calls, or at the next tick.
 */
final class LaggingLedger implements LedgerPort {

    /** Sees every successful record write, before the writer gets its answer. */
    interface WriteListener {
        void written(Deployment before, Deployment after);
    }

    private record Version(Deployment deployment, long visibleAt) {}

    private record Lock(String owner, Instant until, Invocation holder) {}

    private final Clock clock;
    private final SplittableRandom random;
    private final int maxLag;
    private final Supplier<Invocation> caller;
    private final Map<String, List<Version>> records = new LinkedHashMap<>();
    private final Map<ServiceRef, ServiceHead> heads = new HashMap<>();
    private final Map<ServiceRef, Lock> locks = new HashMap<>();
    private final Map<String, Instant> processed = new HashMap<>();
    private final Map<ServiceRef, Suspension> suspensions = new HashMap<>();
    private final List<WriteListener> listeners = new ArrayList<>();
    private long calls;

    LaggingLedger(Clock clock, SplittableRandom random, int maxLag, Supplier<Invocation> caller) {
        this.clock = clock;
        this.random = random;
        this.maxLag = maxLag;
        this.caller = caller;
    }

    void onWrite(WriteListener listener) {
        listeners.add(listener);
    }

    private static String key(ServiceRef service, String id) {
        return service.key() + "#" + id;
    }

    private long visibleAt() {
        return calls + (maxLag == 0 ? 0 : random.nextInt(maxLag + 1));
    }

    @Override
    public boolean create(Deployment deployment) {
        calls++;
        String key = key(deployment.service(), deployment.deploymentId());
        if (records.containsKey(key)) {
            return false;
        }
        listeners.forEach(l -> l.written(null, deployment));
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(deployment, visibleAt()));
        records.put(key, versions);
        return true;
    }

    @Override
    public boolean transition(Deployment next, Set<DeploymentState> allowedFrom, long expectedVersion) {
        calls++;
        List<Version> versions = records.get(key(next.service(), next.deploymentId()));
        if (versions == null || allowedFrom.isEmpty()) {
            return false;
        }
        Deployment current = versions.getLast().deployment();
        if (!allowedFrom.contains(current.state()) || current.version() != expectedVersion) {
            return false;
        }
        listeners.forEach(l -> l.written(current, next));
        versions.add(new Version(next, visibleAt()));
        return true;
    }

    @Override
    public Optional<Deployment> find(ServiceRef service, String deploymentId) {
        calls++;
        return peek(service, deploymentId);
    }

    @Override
    public List<Deployment> history(ServiceRef service, int limit) {
        calls++;
        List<Deployment> visible = new ArrayList<>();
        String prefix = service.key() + "#";
        for (Map.Entry<String, List<Version>> entry : records.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            Deployment seen = null;
            for (Version version : entry.getValue()) {
                if (version.visibleAt() <= calls) {
                    seen = version.deployment();
                }
            }
            if (seen != null) {
                visible.add(seen);
            }
        }
        return visible.stream()
                .sorted(Comparator.comparing(
                                (Deployment d) -> d.at(TimelineKey.acceptedAt).orElse(Instant.EPOCH))
                        .thenComparing(Deployment::deploymentId)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<ServiceHead> head(ServiceRef service) {
        calls++;
        return Optional.ofNullable(heads.get(service));
    }

    @Override
    public boolean writeHead(ServiceHead next) {
        calls++;
        ServiceHead stored = heads.get(next.service());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != next.version() - 1) {
            return false;
        }
        heads.put(next.service(), next);
        return true;
    }

    @Override
    public boolean lock(ServiceRef service, String owner, Instant now, Instant until) {
        calls++;
        Lock held = locks.get(service);
        if (held != null && !held.owner().equals(owner) && !held.until().isBefore(now)) {
            return false;
        }
        locks.put(service, new Lock(owner, until, caller.get()));
        return true;
    }

    /** As DynamoDB's conditional update: the holder's lease runs while {@code until >= now}. */
    @Override
    public boolean renewLock(ServiceRef service, String owner, Instant now, Instant until) {
        calls++;
        Lock held = locks.get(service);
        if (held == null || !held.owner().equals(owner) || held.until().isBefore(now)) {
            return false;
        }
        locks.put(service, new Lock(owner, until, held.holder()));
        return true;
    }

    @Override
    public void unlock(ServiceRef service, String owner) {
        calls++;
        Lock held = locks.get(service);
        if (held != null && held.owner().equals(owner)) {
            locks.remove(service);
        }
    }

    @Override
    public boolean markProcessed(String eventId, String handler, Instant expiresAt) {
        calls++;
        Instant existing = processed.get(eventId);
        if (existing != null && existing.isAfter(clock.instant())) {
            return false;
        }
        processed.put(eventId, expiresAt);
        return true;
    }

    @Override
    public boolean isProcessed(String eventId) {
        calls++;
        Instant expiresAt = processed.get(eventId);
        return expiresAt != null && expiresAt.isAfter(clock.instant());
    }

    @Override
    public Optional<Suspension> suspension(ServiceRef service) {
        calls++;
        return Optional.ofNullable(suspensions.get(service));
    }

    @Override
    public boolean suspend(ServiceRef service, String reason, Instant at) {
        calls++;
        return suspensions.putIfAbsent(service, new Suspension(reason, at)) == null;
    }

    @Override
    public boolean resume(ServiceRef service) {
        calls++;
        return suspensions.remove(service) != null;
    }

    // ---- the simulation's own reads and writes: never lagging, never counted ----

    /** A record written before the simulation started. */
    void seed(Deployment deployment) {
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(deployment, 0));
        records.put(key(deployment.service(), deployment.deploymentId()), versions);
    }

    /** The index catches up (a tick is far longer than a GSI's lag). */
    void catchUp() {
        for (List<Version> versions : records.values()) {
            versions.replaceAll(v -> v.visibleAt() > calls ? new Version(v.deployment(), calls) : v);
        }
    }

    Optional<Deployment> peek(ServiceRef service, String deploymentId) {
        return Optional.ofNullable(records.get(key(service, deploymentId)))
                .map(v -> v.getLast().deployment());
    }

    List<Deployment> all() {
        return records.values().stream().map(v -> v.getLast().deployment()).toList();
    }

    boolean suspended(ServiceRef service) {
        return suspensions.containsKey(service);
    }

    /** The invocation holding the service's decision lock now, or null (none, or expired). */
    Invocation lockHolder(ServiceRef service) {
        Lock held = locks.get(service);
        return held == null || held.until().isBefore(clock.instant()) ? null : held.holder();
    }
}
