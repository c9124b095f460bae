package dev.antigravity.lambdas.simulation;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The ALB in front of the service, consistent with what ECS runs: a target group holds the running tasks of the
 * deployments placed in it (all of them on a rolling update; blue/green alternates two groups), a task of a SICK
 * image is unhealthy, and /health through the listener answers from one task of the live group, chosen at random.
 */
final class SimulatedLoadBalancer implements TargetHealthPort, HealthProbe {
    private final SimulatedEcs ecs;
    private final java.util.Map<URI, ServiceRef> healthUrls;
    private final Function<String, ImageHealth> truth;
    private final SplittableRandom random;

    /** @param healthUrls each service's /health URL (the listener rule that reaches it) */
    SimulatedLoadBalancer(
            SimulatedEcs ecs,
            java.util.Map<URI, ServiceRef> healthUrls,
            Function<String, ImageHealth> truth,
            SplittableRandom random) {
        this.ecs = ecs;
        this.healthUrls = java.util.Map.copyOf(healthUrls);
        this.truth = truth;
        this.random = random;
    }

    @Override
    public TargetHealth health(String targetGroupArn) {
        int total = 0;
        int healthy = 0;
        List<String> notHealthy = new ArrayList<>();
        for (SimulatedEcs.Rollout rollout : ecs.rolloutsIn(targetGroupArn)) {
            total += rollout.running;
            if (health(rollout) == ImageHealth.SICK) {
                for (int i = 0; i < rollout.running; i++) {
                    notHealthy.add(rollout.id + "-" + i + ":8080=unhealthy (Target.ResponseCodeMismatch)");
                }
            } else {
                healthy += rollout.running;
            }
        }
        return new TargetHealth(total, healthy, notHealthy);
    }

    @Override
    public ProbeResult probe(URI url, String expectedVersion) {
        SimulatedEcs.Service state = ecs.service(healthUrls.get(url));
        List<SimulatedEcs.Rollout> serving = state.rollouts.stream()
                .filter(r -> r.running > 0 && r.targetGroup.equals(state.liveTargetGroup))
                .toList();
        int tasks = serving.stream().mapToInt(r -> r.running).sum();
        if (tasks == 0) {
            return new ProbeResult(false, null, "HTTP 503 from the load balancer: no healthy targets");
        }
        int pick = random.nextInt(tasks);
        for (SimulatedEcs.Rollout rollout : serving) {
            if (pick < rollout.running) {
                if (health(rollout) == ImageHealth.SICK) {
                    return new ProbeResult(false, null, "HTTP 503 after 3 attempts");
                }
                return new ProbeResult(
                        true,
                        ecs.taskDefinition(rollout.taskDefinitionArn)
                                .environment
                                .get("APP_VERSION"),
                        "HTTP 200");
            }
            pick -= rollout.running;
        }
        throw new IllegalStateException("unreachable");
    }

    private ImageHealth health(SimulatedEcs.Rollout rollout) {
        return truth.apply(ecs.taskDefinition(rollout.taskDefinitionArn).digest);
    }
}
