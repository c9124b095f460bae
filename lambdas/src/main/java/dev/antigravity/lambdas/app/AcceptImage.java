package dev.antigravity.lambdas.app;

import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentEvent;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
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
 * Push → deploy: for each managed service the repository feeds, check the tag policy, the freeze switch and what
 * already runs or was accepted; then register a revision pinned by digest, record it PENDING with its rollback
 * target (the last STABLE revision), supersede what was still in flight, UpdateService and announce it.
 */
public final class AcceptImage {
    public static final String HANDLER = "ImagePushHandler";
    static final int HISTORY = 50;

    private final ManagedServices services;
    private final EcsPort ecs;
    private final RegistryPort registry;
    private final LedgerPort ledger;
    private final FreezeSwitch freeze;
    private final PlatformEventPublisher publisher;
    private final PlatformEvents events;
    private final Transitions transitions;
    private final Idempotency idempotency;
    private final Clock clock;

    public AcceptImage(ManagedServices services, EcsPort ecs, RegistryPort registry, LedgerPort ledger,
                       FreezeSwitch freeze, PlatformEventPublisher publisher, PlatformEvents events, Clock clock) {
        this.services = services;
        this.ecs = ecs;
        this.registry = registry;
        this.ledger = ledger;
        this.freeze = freeze;
        this.publisher = publisher;
        this.events = events;
        this.transitions = new Transitions(ledger);
        this.idempotency = new Idempotency(ledger, clock);
        this.clock = clock;
    }

    public Outcome handle(EcrImageAction action) {
        if (!action.isSuccessfulPush()) {
            return Outcome.of(HANDLER, action.id(), Outcome.Result.IGNORED,
                    action.actionType() + "/" + action.result() + " is not a successful push");
        }
        List<ManagedService> fed = services.fedBy(action.repositoryName());
        if (fed.isEmpty()) {
            return Outcome.of(HANDLER, action.id(), Outcome.Result.IGNORED,
                    "repository " + action.repositoryName() + " feeds no managed service");
        }
        ImagePush push = new ImagePush(new ImageRef(action.repositoryName(), action.imageDigest(), action.imageTag()),
                action.envelope().time(), action.id());
        return idempotency.once(HANDLER, action.id(),
                () -> Outcome.combine(HANDLER, action.id(), fed.stream().map(s -> deploy(s, push)).toList()));
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
            return skipAndAnnounce(service, push, "automation suspended since " + suspension.get().since() + ": "
                    + suspension.get().reason());
        }
        Optional<String> frozen = freeze.frozen();
        if (frozen.isPresent()) {
            return skipAndAnnounce(service, push, frozen.get());
        }
        ServiceSnapshot current = ecs.describe(service.ref());
        Optional<String> running = ecs.containerImage(current.taskDefinitionArn(), service.container())
                .map(EcsPort.ContainerImage::image);
        if (running.isPresent() && running.get().endsWith("@" + image.digest())) {
            return result(service, push, Outcome.Result.SKIPPED, image.digest() + " already runs in "
                    + Deployment.idOf(current.taskDefinitionArn()));
        }
        List<Deployment> history = ledger.history(service.ref(), HISTORY);
        Optional<Deployment> seen = history.stream().filter(d -> d.image().digest().equals(image.digest())).findFirst();
        if (seen.isPresent()) {
            return result(service, push, Outcome.Result.SKIPPED, image.digest() + " was already accepted as "
                    + seen.get().deploymentId() + " (" + seen.get().state() + ")");
        }
        if (!ledger.claimDigest(service.ref(), image.digest(), push.causeEventId())) {
            return result(service, push, Outcome.Result.SKIPPED, image.digest() + " is being deployed by another event");
        }
        return rollOut(service, push, current, history);
    }

    private Outcome rollOut(ManagedService service, ImagePush push, ServiceSnapshot current, List<Deployment> history) {
        Actions actions = new Actions();
        ImageRef image = push.image();
        String pinned = image.pinnedTo(registry.repositoryUri(image.repository()));
        String revision = ecs.registerRevision(current.taskDefinitionArn(), service.container(), pinned,
                Map.of("APP_VERSION", image.tag()));
        actions.add("RegisterTaskDefinition " + Deployment.idOf(revision) + " image=" + pinned);

        Instant now = clock.instant();
        Deployment pending = Deployment.accepted(service.ref(), revision, current.taskDefinitionArn(),
                rollbackTarget(current, history).orElse(null), image, push.pushedAt(), now,
                "image " + image.repository() + ":" + image.tag() + " pushed");
        ledger.create(pending);
        actions.add("ledger " + pending.deploymentId() + " PENDING rollbackTarget="
                + pending.rollbackTarget().map(Deployment::idOf).orElse("none"));

        for (Deployment inFlight : history) {
            if (inFlight.state().isGuarded()) {
                transitions.apply(inFlight, DeploymentEvent.SUPERSEDED_BY_NEWER, now,
                        "superseded by " + pending.deploymentId()).ifPresent(superseded -> {
                            actions.add("ledger " + superseded.deploymentId() + " SUPERSEDED");
                            publisher.publish(events.about(superseded, PlatformEventType.DeploymentSuperseded, now,
                                    "superseded by " + pending.deploymentId(), null, push.causeEventId()));
                        });
            }
        }
        ecs.updateService(service.ref(), revision);
        actions.add("UpdateService " + service.ref() + " -> " + pending.deploymentId());
        publisher.publish(events.about(pending, PlatformEventType.DeploymentAccepted, now, pending.reason(), null,
                push.causeEventId()));
        actions.add("publish DeploymentAccepted");
        return result(service, push, Outcome.Result.APPLIED, "deploying " + image.tag() + " as "
                + pending.deploymentId()).about(service.ref().key(), pending.deploymentId(),
                DeploymentState.PENDING.name()).withActions(actions.list());
    }

    /**
     * The last STABLE revision; without one, what the current in-flight record would have returned to; and when
     * the running revision predates the ledger, that revision itself (it is what people ran before Antigravity).
     */
    static Optional<String> rollbackTarget(ServiceSnapshot current, List<Deployment> history) {
        Optional<Deployment> lastStable = history.stream()
                .filter(d -> d.state() == DeploymentState.STABLE).findFirst();
        if (lastStable.isPresent()) {
            return Optional.of(lastStable.get().taskDefinitionArn());
        }
        Optional<Deployment> runningRecord = history.stream()
                .filter(d -> d.taskDefinitionArn().equals(current.taskDefinitionArn())).findFirst();
        return runningRecord.isPresent() ? runningRecord.get().rollbackTarget()
                : Optional.of(current.taskDefinitionArn());
    }

    private Outcome skipAndAnnounce(ManagedService service, ImagePush push, String reason) {
        publisher.publish(events.aboutService(service.ref(), PlatformEventType.DeploymentSkipped, clock.instant(),
                reason, push.image(), null, push.causeEventId()));
        return result(service, push, Outcome.Result.SKIPPED, reason).withActions(List.of("publish DeploymentSkipped"));
    }

    private static Outcome result(ManagedService service, ImagePush push, Outcome.Result result, String reason) {
        return Outcome.of(HANDLER, push.causeEventId(), result, reason).about(service.ref().key(), null, null);
    }
}
