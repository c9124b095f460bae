package dev.antigravity.lambdas.fakes;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small in-memory ports whose answers a test sets. */
public final class Fakes {
    private Fakes() {}

    public static final class Publisher implements PlatformEventPublisher {
        public final List<PlatformEvent> published = new ArrayList<>();

        @Override
        public synchronized void publish(PlatformEvent event) {
            published.add(event);
        }

        public List<String> types() {
            return published.stream().map(e -> e.type().name()).toList();
        }
    }

    public static final class Alarms implements AlarmPort {
        public final Map<String, AlarmStatus> states = new HashMap<>();
        /** When each alarm entered its state (absent: unknown, which counts as just now). */
        public final Map<String, Instant> since = new HashMap<>();

        @Override
        public Map<String, AlarmStatus> states(Collection<String> alarmNames) {
            Map<String, AlarmStatus> result = new LinkedHashMap<>();
            alarmNames.forEach(name -> result.put(name, states.getOrDefault(name, AlarmStatus.OK)));
            return result;
        }

        @Override
        public Map<String, AlarmReading> readings(Collection<String> alarmNames) {
            Map<String, AlarmReading> result = new LinkedHashMap<>();
            states(alarmNames).forEach((name, status) -> result.put(name, new AlarmReading(status, since.get(name))));
            return result;
        }
    }

    public static final class Targets implements TargetHealthPort {
        public TargetHealth answer = new TargetHealth(2, 2, List.of());
        /** Per target group, where a test sets one (blue/green); else {@link #answer}. */
        public final Map<String, TargetHealth> byGroup = new HashMap<>();

        @Override
        public TargetHealth health(String targetGroupArn) {
            return byGroup.getOrDefault(targetGroupArn, answer);
        }
    }

    /** Reports the version of whatever the fake ECS runs, like a real /health would. */
    public static final class Probe implements HealthProbe {
        private final FakeEcs ecs;
        private final dev.antigravity.lambdas.domain.ServiceRef service;
        public boolean down;
        /** Runs inside the next probe: another handler acting while a verification is under way. */
        public Runnable duringNextProbe = () -> {};

        public Probe(FakeEcs ecs, dev.antigravity.lambdas.domain.ServiceRef service) {
            this.ecs = ecs;
            this.service = service;
        }

        @Override
        public ProbeResult probe(URI url, String expectedVersion) {
            Runnable during = duringNextProbe;
            duringNextProbe = () -> {};
            during.run();
            if (down) {
                return new ProbeResult(false, null, "HTTP 503 after 3 attempts");
            }
            String version = ecs.revisions
                    .get(ecs.runningRevision(service))
                    .environment()
                    .get("APP_VERSION");
            return new ProbeResult(true, version, "HTTP 200");
        }
    }

    public static final class Freeze implements FreezeSwitch {
        public String reason;

        @Override
        public Optional<String> frozen() {
            return Optional.ofNullable(reason);
        }

        @Override
        public void freeze() {
            reason = "deployments frozen by a person";
        }

        @Override
        public boolean lift() {
            boolean was = reason != null;
            reason = null;
            return was;
        }
    }

    public static final class Registry implements RegistryPort {
        public final List<PushedImage> images = new ArrayList<>();

        @Override
        public String repositoryUri(String repository) {
            return "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + repository;
        }

        @Override
        public Optional<Instant> pushedAt(String repository, String digest) {
            return images.stream()
                    .filter(i -> i.digest().equals(digest))
                    .map(PushedImage::pushedAt)
                    .findFirst();
        }

        @Override
        public List<PushedImage> recentImages(String repository, int limit) {
            return images.stream()
                    .sorted((a, b) -> b.pushedAt().compareTo(a.pushedAt()))
                    .limit(limit)
                    .toList();
        }
    }
}
