package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.EcsRejectedException;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.policy.TagPolicy;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.EcsPort.ServiceSnapshot;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Push → deploy. For each managed service the repository feeds: tag policy, suspension and freeze; then, holding the
 * service's lock, the push is compared with the service's head (the newest image accepted, by ECR's push time, read
 * with strong consistency): an older or already-accepted image is skipped, a newer one becomes the head. The head is
 * an intent carried out step by step — register the revision, record it PENDING, supersede what was in flight,
 * UpdateService, mark it issued — and {@link #resume} carries out whatever steps a crashed or throttled attempt left,
 * so a retry of the event (or the stabilizer) finishes the deployment instead of losing it.
 */
public final class AcceptImage {
    public static final String HANDLER = "ImagePushHandler";

    private final ManagedServices services;
    private final EcsPort ecs;
    private final RegistryPort registry;
    private final LedgerPort ledger;
    private final FreezeSwitch freeze;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Transitions transitions;
    private final Idempotency idempotency;
    private final ServiceLock lock;
    private final Clock clock;

    public AcceptImage(
            ManagedServices services,
            EcsPort ecs,
            RegistryPort registry,
            LedgerPort ledger,
            FreezeSwitch freeze,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            ServiceLock lock,
            Clock clock) {
        this.services = services;
        this.ecs = ecs;
        this.registry = registry;
        this.ledger = ledger;
        this.freeze = freeze;
        this.publisher = publisher;
        this.events = events;
        this.transitions = new Transitions(ledger);
        this.idempotency = new Idempotency(ledger, clock);
        this.lock = lock;
        this.clock = clock;
    }

    public Outcome handle(EcrImageAction action) {
        if (!action.isSuccessfulPush()) {
            return Outcome.of(
                    HANDLER,
                    action.id(),
                    Outcome.Result.IGNORED,
                    action.actionType() + "/" + action.result() + " is not a successful push");
        }
        List<ManagedService> fed = services.fedBy(action.repositoryName());
        if (fed.isEmpty()) {
            return Outcome.of(
                    HANDLER,
                    action.id(),
                    Outcome.Result.IGNORED,
                    "repository " + action.repositoryName() + " feeds no managed service");
        }
        ImageRef image = new ImageRef(action.repositoryName(), action.imageDigest(), action.imageTag());
        // ECR's own push time orders pushes; the event's time is only a fallback when ECR no longer has the image.
        Instant pushedAt = registry.pushedAt(image.repository(), image.digest())
                .orElse(action.envelope().time());
        ImagePush push = new ImagePush(image, pushedAt, action.id());
        return idempotency.once(
                HANDLER,
                action.id(),
                () -> Outcome.combine(
                        HANDLER,
                        action.id(),
                        fed.stream().map(s -> deploy(s, push)).toList()));
    }

    /** Deploys {@code push} to one service (also the registry reconciler's entry point). */
    public Outcome deploy(ManagedService service, ImagePush push) {
        ImageRef image = push.image();
        TagPolicy.Decision tag = service.tagPolicy().evaluate(image.optionalTag());
        if (!tag.accepted()) {
            return result(service, push, Outcome.Result.IGNORED, tag.reason());
        }
        Optional<LedgerPort.Suspension> suspension = ledger.suspension(service.ref());
        if (suspension.isPresent()) {
            return skipAndAnnounce(
                    service,
                    push,
                    "automation suspended since " + suspension.get().since() + ": "
                            + suspension.get().reason());
        }
        Optional<String> frozen = freeze.frozen();
        if (frozen.isPresent()) {
            return skipAndAnnounce(service, push, frozen.get());
        }
        return lock.holding(service.ref(), () -> decide(service, push));
    }

    private Outcome decide(ManagedService service, ImagePush push) {
        ImageRef image = push.image();
        Optional<ServiceHead> head = ledger.head(service.ref());
        if (head.isPresent() && head.get().image().digest().equals(image.digest())) {
            return resumeHeld(service, head.get(), push.causeEventId(), ecs.describe(service.ref()), null);
        }
        if (head.isPresent() && !head.get().isOlderThan(push.pushedAt())) {
            return result(
                    service,
                    push,
                    Outcome.Result.SKIPPED,
                    image.digest() + " (pushed " + push.pushedAt()
                            + ") is older than " + head.get().image().digest() + " (pushed "
                            + head.get().pushedAt()
                            + "), already accepted: never replace a newer image with an older one");
        }
        ServiceSnapshot current = ecs.describe(service.ref());
        Optional<String> running = ecs.containerImage(current.taskDefinitionArn(), service.container())
                .map(EcsPort.ContainerImage::image);
        if (running.isPresent() && running.get().endsWith("@" + image.digest())) {
            return result(
                    service,
                    push,
                    Outcome.Result.SKIPPED,
                    image.digest() + " already runs in " + Deployment.idOf(current.taskDefinitionArn()));
        }
        Optional<Instant> runningPushedAt = running.flatMap(r -> pushedAtOf(image.repository(), r));
        if (runningPushedAt.isPresent() && !runningPushedAt.get().isBefore(push.pushedAt())) {
            // Someone deployed a newer image by hand (a hotfix): never roll an older one out over it.
            return result(
                    service,
                    push,
                    Outcome.Result.SKIPPED,
                    image.digest() + " (pushed " + push.pushedAt() + ") is older than the image ECS runs (pushed "
                            + runningPushedAt.get() + ")");
        }
        List<Deployment> history = ledger.history(service.ref(), History.LIMIT);
        Optional<Deployment> seen = history.stream()
                .filter(d -> d.image().digest().equals(image.digest()))
                .findFirst();
        if (seen.isPresent()) {
            return result(
                    service,
                    push,
                    Outcome.Result.SKIPPED,
                    image.digest() + " was already accepted as " + seen.get().deploymentId() + " ("
                            + seen.get().state() + ")");
        }
        ServiceHead intent = ServiceHead.intent(
                service.ref(),
                image,
                push.pushedAt(),
                push.causeEventId(),
                head.map(ServiceHead::version).orElse(0L));
        writeHead(intent);
        // What was just read under this lock is what the first steps need; issuing reads ECS again before acting.
        return resumeHeld(service, intent, push.causeEventId(), current, history);
    }

    /**
     * Carries out what remains of the head's intent (the stabilizer's entry point for an intent whose event was
     * lost): takes the lock, re-reads the head, and does the missing steps.
     */
    public Outcome resume(ManagedService service, String causeId) {
        return lock.holding(
                service.ref(),
                () -> ledger.head(service.ref())
                        .map(head -> resumeHeld(service, head, causeId, ecs.describe(service.ref()), null))
                        .orElseGet(() -> Outcome.of(
                                        HANDLER,
                                        causeId,
                                        Outcome.Result.IGNORED,
                                        "no deploy intent for " + service.ref())
                                .about(service.ref().key(), null, null)));
    }

    /**
     * @param current     the service as DescribeServices showed it under this lock
     * @param readHistory the service's history read under this lock since the head was written, or null to read it
     */
    private Outcome resumeHeld(
            ManagedService service,
            ServiceHead head,
            String causeId,
            ServiceSnapshot current,
            List<Deployment> readHistory) {
        Actions actions = new Actions();
        ServiceHead registered = head;
        if (head.revision().isEmpty()) {
            String pinned =
                    head.image().pinnedTo(registry.repositoryUri(head.image().repository()));
            String revision = ecs.registerRevision(
                    current.taskDefinitionArn(),
                    service.container(),
                    pinned,
                    Map.of("APP_VERSION", head.image().tag()));
            actions.add("RegisterTaskDefinition " + Deployment.idOf(revision) + " image=" + pinned);
            registered = head.registered(revision);
            writeHead(registered);
        }
        String revision = registered.revisionArn();
        Deployment record =
                ledger.find(service.ref(), Deployment.idOf(revision)).orElse(null);
        if (record == null) {
            List<Deployment> history = readHistory != null ? readHistory : ledger.history(service.ref(), History.LIMIT);
            record = Deployment.accepted(
                    service.ref(),
                    revision,
                    current.taskDefinitionArn(),
                    RollbackTargets.atAcceptance(current, history).orElse(null),
                    head.image(),
                    head.pushedAt(),
                    clock.instant(),
                    "image " + head.image().repository() + ":" + head.image().tag() + " pushed");
            if (ledger.create(record)) {
                actions.add("ledger " + record.deploymentId() + " PENDING rollbackTarget="
                        + record.rollbackTarget().map(Deployment::idOf).orElse("none"));
            } else {
                record = ledger.find(service.ref(), record.deploymentId()).orElseThrow();
            }
            supersedeInFlight(service, record, history, head.causeEventId(), actions);
        }
        if (record.rolloutIssued() || record.state() != DeploymentState.PENDING) {
            return result(
                            service,
                            causeId,
                            Outcome.Result.SKIPPED,
                            head.image().digest() + " was already accepted as " + record.deploymentId() + " ("
                                    + record.state() + ")")
                    .withActions(actions.list());
        }
        return issue(service, record, registered, causeId, actions);
    }

    private boolean runsNewerImage(ManagedService service, ServiceSnapshot current, Deployment pending) {
        Optional<Instant> pendingPushedAt = pending.at(TimelineKey.imagePushedAt);
        return pendingPushedAt.isPresent()
                && current.primary()
                        .flatMap(p -> ecs.containerImage(p.taskDefinitionArn(), service.container()))
                        .flatMap(running -> pushedAtOf(pending.image().repository(), running.image()))
                        .filter(runningPushedAt -> runningPushedAt.isAfter(pendingPushedAt.get()))
                        .isPresent();
    }

    /** When the image a task definition runs (repo@sha256:…) was pushed, if it comes from {@code repository}. */
    private Optional<Instant> pushedAtOf(String repository, String runningImage) {
        int at = runningImage.indexOf('@');
        if (at < 0 || !runningImage.substring(0, at).equals(registry.repositoryUri(repository))) {
            return Optional.empty();
        }
        return registry.pushedAt(repository, runningImage.substring(at + 1));
    }

    /** UpdateService once: a rollout ECS already started (before a crash) is only marked issued. */
    /** @param head the intent, whose rolloutAttempted says whether an earlier attempt may have called UpdateService */
    private Outcome issue(
            ManagedService service, Deployment pending, ServiceHead head, String causeId, Actions actions) {
        // Read again right before acting: registering and recording took a while, and people deploy meanwhile.
        ServiceSnapshot current = ecs.describe(service.ref());
        Optional<EcsPort.EcsDeployment> started = current.deploymentOf(
                pending.taskDefinitionArn(), pending.at(TimelineKey.acceptedAt).orElse(null));
        String ecsId;
        // An earlier attempt whose response was lost may have gone out, and ECS may have rolled it back since
        // (DescribeServices forgets a finished deployment; ListServiceDeployments does not): then never again.
        boolean wentOutBefore = started.isEmpty()
                && head.rolloutAttempted()
                && pending.at(TimelineKey.acceptedAt)
                        .map(acceptedAt -> ecs.deployedSince(service.ref(), pending.taskDefinitionArn(), acceptedAt))
                        .orElse(false);
        Optional<EcsPort.EcsDeployment> movedOn = current.primary().filter(p -> wentOutBefore);
        if (started.isPresent()) {
            ecsId = started.get().id();
            actions.add("ECS already rolls out " + pending.deploymentId() + " as " + ecsId);
        } else if (movedOn.isPresent()) {
            // A deployment ECS started after this one was accepted (ECS's rollback of it, once its response was
            // lost; a person's): issuing it again would override what came later.
            return movedOnSince(service, pending, movedOn.get(), causeId, actions);
        } else if (runsNewerImage(service, current, pending)) {
            // A person deployed a newer image (a hotfix) while this intent waited: never roll an older one over it.
            return movedOnSince(service, pending, current.primary().orElseThrow(), causeId, actions);
        } else {
            lock.fence(service.ref()); // UpdateService is not conditional: only while this decision's lease holds
            if (!head.rolloutAttempted()) {
                writeHead(head.attempted());
            }
            try {
                ecsId = ecs.updateService(service.ref(), pending.taskDefinitionArn());
            } catch (EcsRejectedException refused) {
                return refused(service, pending, causeId, refused, actions);
            }
            actions.add("UpdateService " + service.ref() + " -> " + pending.deploymentId() + " (" + ecsId + ")");
        }
        Deployment issued = transitions.amendLatest(pending, d -> d.withRolloutIssued(ecsId), d -> !d.rolloutIssued());
        Instant now = clock.instant();
        publisher.publish(
                events.about(issued, PlatformEventType.DeploymentAccepted, now, issued.reason(), null, causeId));
        actions.add("publish DeploymentAccepted");
        return result(
                        service,
                        causeId,
                        Outcome.Result.APPLIED,
                        "deploying " + issued.image().tag() + " as " + issued.deploymentId())
                .about(service.ref().key(), issued.deploymentId(), DeploymentState.PENDING.name())
                .withActions(actions.list());
    }

    private Outcome movedOnSince(
            ManagedService service, Deployment pending, EcsPort.EcsDeployment later, String causeId, Actions actions) {
        Instant now = clock.instant();
        String why = "ECS runs " + later.id() + " (" + Deployment.idOf(later.taskDefinitionArn()) + "), started after "
                + pending.deploymentId() + " was accepted or with a newer image: not issued";
        transitions.apply(pending, DeploymentEvent.REPLACED_OUTSIDE, now, why).ifPresent(superseded -> {
            actions.add("ledger " + superseded.deploymentId() + " SUPERSEDED");
            publisher.publish(
                    events.about(superseded, PlatformEventType.DeploymentSuperseded, now, why, null, causeId));
        });
        return result(service, causeId, Outcome.Result.APPLIED, why).withActions(actions.list());
    }

    private Outcome refused(
            ManagedService service, Deployment pending, String causeId, EcsRejectedException refused, Actions actions) {
        Instant now = clock.instant();
        String why = "ECS refused UpdateService: " + refused.getMessage();
        transitions.apply(pending, DeploymentEvent.ECS_FAILED, now, why).ifPresent(failed -> {
            actions.add("ledger " + failed.deploymentId() + " FAILED");
            publisher.publish(events.about(failed, PlatformEventType.DeploymentFailed, now, why, null, causeId));
            actions.add("publish DeploymentFailed");
        });
        return result(service, causeId, Outcome.Result.APPLIED, why).withActions(actions.list());
    }

    private void supersedeInFlight(
            ManagedService service, Deployment newest, List<Deployment> history, String causeId, Actions actions) {
        Instant now = clock.instant();
        for (Deployment inFlight : history) {
            if (inFlight.state().isGuarded() && !inFlight.deploymentId().equals(newest.deploymentId())) {
                transitions
                        .apply(
                                inFlight,
                                DeploymentEvent.SUPERSEDED_BY_NEWER,
                                now,
                                "superseded by " + newest.deploymentId())
                        .ifPresent(superseded -> {
                            actions.add("ledger " + superseded.deploymentId() + " SUPERSEDED");
                            publisher.publish(events.about(
                                    superseded,
                                    PlatformEventType.DeploymentSuperseded,
                                    now,
                                    "superseded by " + newest.deploymentId(),
                                    null,
                                    causeId));
                        });
            }
        }
    }

    private void writeHead(ServiceHead next) {
        if (!ledger.writeHead(next)) {
            // Only a lock holder writes the head: losing this write means the lease ran out under us.
            throw new ServiceLock.ServiceBusy("the head of " + next.service() + " moved under a lock holder");
        }
    }

    private Outcome skipAndAnnounce(ManagedService service, ImagePush push, String reason) {
        publisher.publish(events.aboutService(
                service.ref(),
                PlatformEventType.DeploymentSkipped,
                clock.instant(),
                reason,
                push.image(),
                null,
                push.causeEventId()));
        return result(service, push, Outcome.Result.SKIPPED, reason).withActions(List.of("publish DeploymentSkipped"));
    }

    private static Outcome result(ManagedService service, ImagePush push, Outcome.Result result, String reason) {
        return result(service, push.causeEventId(), result, reason);
    }

    private static Outcome result(ManagedService service, String causeId, Outcome.Result result, String reason) {
        return Outcome.of(HANDLER, causeId, result, reason).about(service.ref().key(), null, null);
    }
}
