package dev.antigravity.lambdas.app;

import dev.antigravity.events.platform.TimelineKey;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Nothing pushed is lost: the newest policy-matching image pushed after everything the service's head and ledger
 * know, whose push event never arrived (or went to the failure queue), is deployed late rather than never.
 */
public final class ReconcileRegistry {
    /** A push younger than this may still have its ECR event in flight: leave it to the push handler. */
    static final Duration PUSH_EVENT_GRACE = Duration.ofMinutes(2);

    static final int RECENT_IMAGES = 20;

    private final LedgerPort ledger;
    private final RegistryPort registry;
    private final AcceptImage acceptImage;
    private final Clock clock;

    public ReconcileRegistry(LedgerPort ledger, RegistryPort registry, AcceptImage acceptImage, Clock clock) {
        this.ledger = ledger;
        this.registry = registry;
        this.acceptImage = acceptImage;
        this.clock = clock;
    }

    public Optional<Outcome> reconcile(ManagedService service, List<Deployment> history) {
        Instant now = clock.instant();
        Instant knownUpTo = Stream.concat(
                        ledger.head(service.ref()).map(ServiceHead::pushedAt).stream(),
                        history.stream()
                                .map(d -> d.at(TimelineKey.imagePushedAt).or(() -> d.at(TimelineKey.acceptedAt)))
                                .flatMap(Optional::stream))
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        for (PushedImage image : registry.recentImages(service.repository(), RECENT_IMAGES)) {
            if (!image.pushedAt().isAfter(knownUpTo) || image.pushedAt().isAfter(now.minus(PUSH_EVENT_GRACE))) {
                continue;
            }
            Optional<String> tag = image.tags().stream()
                    .filter(t -> service.tagPolicy().evaluate(Optional.of(t)).accepted())
                    .findFirst();
            if (tag.isPresent()) {
                Outcome late = acceptImage.deploy(
                        service,
                        new ImagePush(
                                new ImageRef(service.repository(), image.digest(), tag.get()),
                                image.pushedAt(),
                                "reconcile/" + image.digest()));
                return Optional.of(
                        late.result() == Outcome.Result.APPLIED
                                ? late.withActions(List.of("deployed late: no push event was seen for " + tag.get()))
                                : late);
            }
        }
        return Optional.empty();
    }
}
