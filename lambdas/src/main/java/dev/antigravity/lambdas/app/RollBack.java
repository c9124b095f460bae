package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.policy.RollbackDecision;
import dev.antigravity.lambdas.domain.policy.RollbackPolicy;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rolls a deployment back to its target, at most once: the ledger moves to ROLLING_BACK with a conditional write
 * first, and only the writer that won issues UpdateService. A rollback whose UpdateService did not go through
 * (the Lambda died) is re-issued by a retry of the same event or by the stabilizer.
 */
public final class RollBack {
    private final EcsPort ecs;
    private final LedgerPort ledger;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final RollbackPolicy policy;
    private final Settings settings;
    private final Transitions transitions;
    private final Clock clock;

    public RollBack(EcsPort ecs, LedgerPort ledger, PlatformEventPublisher publisher, PlatformEvents events,
                    Settings settings, Clock clock) {
        this.ecs = ecs;
        this.ledger = ledger;
        this.publisher = publisher;
        this.events = events;
        this.policy = new RollbackPolicy(settings);
        this.settings = settings;
        this.transitions = new Transitions(ledger);
        this.clock = clock;
    }

    /**
     * @param trigger   GUARD_ALARM or VERIFICATION_FAILED
     * @param alarmName the guard alarm that fired, or null
     */
    public Outcome start(String handler, String causeEventId, Deployment deployment, DeploymentEvent trigger,
                         String reason, String alarmName) {
        Instant now = clock.instant();
        if (isUnfinishedRollbackOf(deployment, causeEventId)) {
            return issue(handler, causeEventId, deployment, alarmName, new Actions());
        }
        List<Deployment> history = ledger.history(deployment.service(), AcceptImage.HISTORY);
        Optional<Deployment> target = deployment.rollbackTarget()
                .flatMap(arn -> ledger.find(deployment.service(), Deployment.idOf(arn)));
        int recent = (int) history.stream()
                .filter(d -> d.at(TimelineKey.rollbackStartedAt)
                        .filter(at -> !at.isBefore(now.minus(settings.rollbackWindow()))).isPresent())
                .count();
        RollbackDecision decision = policy.decide(deployment, target, recent,
                ledger.suspension(deployment.service()).isPresent());
        Outcome base = Outcome.of(handler, causeEventId, Outcome.Result.IGNORED, decision.reason())
                .about(deployment.service().key(), deployment.deploymentId(), deployment.state().name());
        return switch (decision) {
            case RollbackDecision.Ignore ignore -> base;
            case RollbackDecision.Refuse refuse -> {
                publisher.publish(events.about(deployment, PlatformEventType.RollbackFailed, now,
                        "cannot roll back: " + refuse.reason() + " (" + reason + ")", alarmName, causeEventId));
                yield new Outcome(handler, causeEventId, Outcome.Result.APPLIED, "cannot roll back: " + refuse.reason(),
                        base.service(), base.deploymentId(), base.state(), List.of("publish RollbackFailed"));
            }
            case RollbackDecision.Suspend suspend -> {
                boolean newly = ledger.suspend(deployment.service(), suspend.reason(), now);
                if (newly) {
                    publisher.publish(events.aboutService(deployment.service(), PlatformEventType.AutomationSuspended,
                            now, suspend.reason(), deployment.image(), alarmName, causeEventId));
                }
                yield new Outcome(handler, causeEventId, Outcome.Result.APPLIED, suspend.reason(), base.service(),
                        base.deploymentId(), base.state(),
                        newly ? List.of("suspend automation", "publish AutomationSuspended") : List.of());
            }
            case RollbackDecision.RollBack rollBack -> begin(handler, causeEventId, deployment, trigger, reason,
                    alarmName, now);
        };
    }

    private Outcome begin(String handler, String causeEventId, Deployment deployment, DeploymentEvent trigger,
                          String reason, String alarmName, Instant now) {
        Optional<Deployment> rollingBack = transitions.apply(deployment, trigger, now, reason,
                next -> next.withRollbackCause(causeEventId));
        if (rollingBack.isEmpty() || rollingBack.get().state() != DeploymentState.ROLLING_BACK) {
            return Outcome.of(handler, causeEventId, Outcome.Result.IGNORED,
                    "another event moved " + deployment.deploymentId() + " first")
                    .about(deployment.service().key(), deployment.deploymentId(), null);
        }
        Actions actions = new Actions();
        actions.add("ledger " + deployment.deploymentId() + " ROLLING_BACK");
        return issue(handler, causeEventId, rollingBack.get(), alarmName, actions);
    }

    /** Re-issues the UpdateService of a ROLLING_BACK record that never got it (stabilizer sweep). */
    public Optional<Outcome> resume(String handler, Deployment deployment) {
        if (deployment.state() != DeploymentState.ROLLING_BACK || deployment.rollbackIssued()) {
            return Optional.empty();
        }
        return Optional.of(issue(handler, deployment.rollbackCause(), deployment, null, new Actions()));
    }

    private Outcome issue(String handler, String causeEventId, Deployment rollingBack, String alarmName,
                          Actions actions) {
        ecs.updateService(rollingBack.service(), rollingBack.rollbackTargetArn());
        actions.add("UpdateService " + rollingBack.service() + " -> " + Deployment.idOf(rollingBack.rollbackTargetArn()));
        transitions.amend(rollingBack, rollingBack.withRollbackIssued());
        publisher.publish(events.about(rollingBack, PlatformEventType.RollbackStarted, clock.instant(),
                rollingBack.reason(), alarmName, causeEventId));
        actions.add("publish RollbackStarted");
        return new Outcome(handler, causeEventId, Outcome.Result.APPLIED, rollingBack.reason(),
                rollingBack.service().key(), rollingBack.deploymentId(), DeploymentState.ROLLING_BACK.name(),
                actions.list());
    }

    private static boolean isUnfinishedRollbackOf(Deployment deployment, String causeEventId) {
        return deployment.state() == DeploymentState.ROLLING_BACK && !deployment.rollbackIssued()
                && causeEventId.equals(deployment.rollbackCause());
    }
}
