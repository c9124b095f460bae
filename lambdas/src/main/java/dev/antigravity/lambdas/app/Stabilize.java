package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled sweep, per managed service: promote BAKING records whose bakeUntil passed with the guard alarms
 * quiet to STABLE (the new last-known-good); re-issue rollbacks whose UpdateService never went through; drive
 * records stranded in flight from ECS's truth ({@link ResumeStranded}); and reconcile ECR — the newest image matching the tag policy that no push event ever brought is deployed late
 * rather than never.
 */
public final class Stabilize {
    public static final String HANDLER = "StabilizerHandler";
    /** A push younger than this may still have its ECR event in flight: leave it to the push handler. */
    static final Duration PUSH_EVENT_GRACE = Duration.ofMinutes(2);
    static final int RECENT_IMAGES = 20;

    private final ManagedServices services;
    private final LedgerPort ledger;
    private final RegistryPort registry;
    private final VerifyDeployment verify;
    private final RollBack rollBack;
    private final AcceptImage acceptImage;
    private final ResumeStranded stranded;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Transitions transitions;
    private final Clock clock;

    public Stabilize(ManagedServices services, LedgerPort ledger, RegistryPort registry, VerifyDeployment verify,
                     RollBack rollBack, AcceptImage acceptImage, ResumeStranded stranded,
                     PlatformEventPublisher publisher, PlatformEvents events, Clock clock) {
        this.services = services;
        this.ledger = ledger;
        this.registry = registry;
        this.verify = verify;
        this.rollBack = rollBack;
        this.acceptImage = acceptImage;
        this.stranded = stranded;
        this.publisher = publisher;
        this.events = events;
        this.transitions = new Transitions(ledger);
        this.clock = clock;
    }

    /** @param runId the schedule event's id (names this sweep in outcomes and platform events) */
    public Outcome run(String runId) {
        List<Outcome> parts = new ArrayList<>();
        for (ManagedService service : services.all()) {
            try {
                parts.addAll(sweep(service, runId));
            } catch (ConfigurationException e) {
                // One misconfigured service must not stop the others from being promoted or rolled back.
                parts.add(Outcome.of(HANDLER, runId, Outcome.Result.REJECTED, "misconfiguration: " + e.getMessage())
                        .about(service.ref().key(), null, null));
            }
        }
        if (parts.isEmpty()) {
            return Outcome.of(HANDLER, runId, Outcome.Result.IGNORED, "nothing to promote, resume or reconcile");
        }
        return Outcome.combine(HANDLER, runId, parts);
    }

    private List<Outcome> sweep(ManagedService service, String runId) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Deployment> history = ledger.history(service.ref(), AcceptImage.HISTORY);
        Instant now = clock.instant();
        for (Deployment deployment : history) {
            rollBack.resume(HANDLER, deployment).ifPresent(outcomes::add);
            boolean bakeOver = deployment.state() == DeploymentState.BAKING
                    && deployment.at(TimelineKey.bakeUntil).filter(until -> !until.isAfter(now)).isPresent();
            if (bakeOver) {
                outcomes.add(promote(service, deployment, runId, now));
            }
        }
        outcomes.addAll(stranded.sweep(service, history, HANDLER, runId));
        reconcile(service, history, runId, now).ifPresent(outcomes::add);
        return outcomes;
    }

    private Outcome promote(ManagedService service, Deployment baking, String runId, Instant now) {
        Optional<String> firing = verify.firingGuardAlarm(service);
        if (firing.isPresent()) {
            // The alarm's own event was lost or is late: act on what CloudWatch says now.
            return rollBack.start(HANDLER, runId + "/" + baking.deploymentId(), baking, DeploymentEvent.GUARD_ALARM,
                    "guard alarm " + firing.get() + " in ALARM at the end of the bake", firing.get());
        }
        return transitions.apply(baking, DeploymentEvent.BAKE_ELAPSED, now, "baked without alarm")
                .map(stable -> {
                    publisher.publish(events.about(stable, PlatformEventType.DeploymentStable, now,
                            "baked until " + baking.at(TimelineKey.bakeUntil).orElseThrow() + " without alarm",
                            null, runId));
                    return new Outcome(HANDLER, runId, Outcome.Result.APPLIED, "promoted to STABLE",
                            service.ref().key(), stable.deploymentId(), stable.state().name(),
                            List.of("ledger STABLE", "publish DeploymentStable"));
                })
                .orElseGet(() -> Outcome.of(HANDLER, runId, Outcome.Result.IGNORED, baking.deploymentId()
                        + " changed meanwhile").about(service.ref().key(), baking.deploymentId(), null));
    }

    /** The newest policy-matching image pushed after everything the ledger knows and never accepted. */
    private Optional<Outcome> reconcile(ManagedService service, List<Deployment> history, String runId, Instant now) {
        Instant knownUpTo = history.stream().map(d -> d.at(TimelineKey.imagePushedAt).or(() -> d.at(TimelineKey.acceptedAt)))
                .flatMap(Optional::stream).max(Instant::compareTo).orElse(Instant.EPOCH);
        for (PushedImage image : registry.recentImages(service.repository(), RECENT_IMAGES)) {
            if (!image.pushedAt().isAfter(knownUpTo) || image.pushedAt().isAfter(now.minus(PUSH_EVENT_GRACE))) {
                continue;
            }
            Optional<String> tag = image.tags().stream()
                    .filter(t -> service.tagPolicy().evaluate(Optional.of(t)).accepted()).findFirst();
            if (tag.isPresent()) {
                Outcome late = acceptImage.deploy(service, new ImagePush(
                        new ImageRef(service.repository(), image.digest(), tag.get()), image.pushedAt(),
                        "reconcile/" + image.digest()));
                return Optional.of(late.result() == Outcome.Result.APPLIED
                        ? late.withActions(List.of("deployed late: no push event was seen for " + tag.get()))
                        : late);
            }
        }
        return Optional.empty();
    }
}
