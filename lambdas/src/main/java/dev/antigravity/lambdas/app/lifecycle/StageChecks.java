package dev.antigravity.lambdas.app.lifecycle;

import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.lifecycle.CheckResult;
import dev.antigravity.lambdas.domain.lifecycle.RevisionVersions;
import dev.antigravity.lambdas.domain.lifecycle.StageCheck;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lifecycle stage can check: the smoke test of the blue/green test listener (one attempt per invocation:
 * ECS calling again after callBackDelay is the retry), the service's guard alarms, and the canary analysis. Failures to even ask
 * (I/O, AWS errors) propagate; {@link AnswerLifecycleHook} sorts them.
 */
public final class StageChecks {
    private final ManagedServices services;
    private final TestListeners testListeners;
    private final List<String> extraSmokePaths;
    private final HealthProbe probe;
    private final RevisionVersions versions;
    private final EcsPort ecs;
    private final AlarmPort alarms;
    private final CanaryAnalysis canary;

    /** Without a canary analysis: CANARY_ANALYSIS answers FAILED as misconfigured. */
    public StageChecks(
            ManagedServices services,
            TestListeners testListeners,
            List<String> extraSmokePaths,
            HealthProbe probe,
            RevisionVersions versions,
            EcsPort ecs,
            AlarmPort alarms) {
        this(services, testListeners, extraSmokePaths, probe, versions, ecs, alarms, null);
    }

    public StageChecks(
            ManagedServices services,
            TestListeners testListeners,
            List<String> extraSmokePaths,
            HealthProbe probe,
            RevisionVersions versions,
            EcsPort ecs,
            AlarmPort alarms,
            CanaryAnalysis canary) {
        this.canary = canary;
        this.services = services;
        this.testListeners = testListeners;
        this.extraSmokePaths = List.copyOf(extraSmokePaths);
        this.probe = probe;
        this.versions = versions;
        this.ecs = ecs;
        this.alarms = alarms;
    }

    public CheckResult run(StageCheck check, ServiceRef service, LifecycleHookPayload payload) {
        return switch (check) {
            case NONE ->
                new CheckResult.Passed("no check configured for "
                        + payload.stage().map(LifecycleStage::name).orElse("an invocation without a stage"));
            case SMOKE_TEST -> smokeTest(service, payload.targetServiceRevisionArn());
            case GUARD_ALARMS -> guardAlarms(service);
            case CANARY_ANALYSIS ->
                canary == null
                        ? new CheckResult.Failed(
                                "CANARY_ANALYSIS is configured but this hook has no canary analysis wired")
                        : canary.check(service, payload);
        };
    }

    private CheckResult smokeTest(ServiceRef service, String targetRevisionArn) {
        Optional<URI> base = testListeners.baseUrl(service);
        if (base.isEmpty()) {
            return new CheckResult.Failed(
                    "no test listener URL configured for " + service + " (LIFECYCLE_TEST_LISTENER_URL)");
        }
        String container = services.find(service).map(ManagedService::container).orElse(null);
        Optional<String> expected = versions.versionOf(targetRevisionArn, container);
        HealthProbe.ProbeResult health = probe.probe(resolve(base.get(), "/health"), expected.orElse(null));
        if (!health.healthy()) {
            return new CheckResult.NotYet("/health: " + health.detail());
        }
        if (expected.isPresent() && !expected.get().equals(health.version())) {
            return new CheckResult.NotYet(
                    "/health reports version " + health.version() + ", expected " + expected.get());
        }
        for (String path : pathsAfterHealth()) {
            HealthProbe.ProbeResult response = probe.probe(resolve(base.get(), path), null);
            if (!response.healthy()) {
                return new CheckResult.NotYet(path + ": " + response.detail());
            }
        }
        return new CheckResult.Passed("smoke test passed: /health"
                + expected.map(v -> " (version " + v + ")").orElse(" (no APP_VERSION on the revision to compare)")
                + ", " + String.join(", ", pathsAfterHealth()));
    }

    private List<String> pathsAfterHealth() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("/ready"), extraSmokePaths.stream())
                .toList();
    }

    private CheckResult guardAlarms(ServiceRef service) {
        List<String> names = ecs.describe(service).guardAlarms();
        if (names.isEmpty()) {
            return new CheckResult.Passed("no guard alarms on " + service);
        }
        Map<String, AlarmPort.AlarmStatus> states = alarms.states(names);
        List<String> firing = names.stream()
                .filter(n -> states.get(n) == AlarmPort.AlarmStatus.ALARM)
                .toList();
        if (!firing.isEmpty()) {
            return new CheckResult.Failed("guard alarm in ALARM: " + String.join(", ", firing));
        }
        List<String> unsettled = names.stream()
                .filter(n -> states.get(n) != AlarmPort.AlarmStatus.OK)
                .map(n -> n + " " + states.get(n))
                .toList();
        if (!unsettled.isEmpty()) {
            return new CheckResult.NotYet("guard alarms not OK yet: " + String.join(", ", unsettled));
        }
        return new CheckResult.Passed("all " + names.size() + " guard alarms OK");
    }

    private static URI resolve(URI base, String path) {
        String root = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + (path.startsWith("/") ? path : "/" + path));
    }
}
