package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.EcsPort.EcsDeployment;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.LedgerPort.Suspension;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One look at a service: the deployment Antigravity has in flight (the head's record), what ECS runs, the guard
 * alarms, and whether automation is suspended or frozen. What the terminal view shows.
 *
 * @param deployment the head's record (in flight or the last one settled), empty before the first deployment
 */
public record ServiceStatus(
        ServiceRef service,
        Instant at,
        Optional<Deployment> deployment,
        ServiceSnapshot ecs,
        Map<String, AlarmStatus> guardAlarms,
        Optional<Suspension> suspension,
        Optional<String> frozen) {

    /** Time left in the bake of a BAKING deployment (zero once past; the stabilizer promotes within a minute). */
    public Optional<Duration> bakeLeft() {
        return deployment
                .filter(d -> d.state() == dev.antigravity.lambdas.domain.DeploymentState.BAKING)
                .flatMap(d -> d.at(TimelineKey.bakeUntil))
                .map(until -> until.isAfter(at) ? Duration.between(at, until) : Duration.ZERO);
    }

    /**
     * Each revision's share of the running tasks, in ECS's deployment order (PRIMARY first): with a rolling
     * deployment that is the share of traffic the load balancer spreads evenly over healthy targets.
     */
    public Map<String, Integer> taskShares() {
        int total =
                ecs.deployments().stream().mapToInt(EcsDeployment::runningCount).sum();
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (EcsDeployment d : ecs.deployments()) {
            shares.merge(
                    Deployment.idOf(d.taskDefinitionArn()),
                    total == 0 ? 0 : Math.round(100f * d.runningCount() / total),
                    Integer::sum);
        }
        return shares;
    }
}
