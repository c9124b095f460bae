package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.aws.EventEnvelope;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** ECR: pushed images with the push time ECR reports; every push is an "ECR Image Action" event. */
final class SimulatedRegistry implements RegistryPort {
    static final String ACCOUNT_REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";

    /** A pushed image and what it really does once deployed. */
    record Image(String repository, String digest, String tag, Instant pushedAt, ImageHealth health) {}

    private final Clock clock;
    private final EventBus bus;
    private final List<Image> images = new ArrayList<>();

    SimulatedRegistry(Clock clock, EventBus bus) {
        this.clock = clock;
        this.bus = bus;
    }

    /** Records the image as already present (no event: it was pushed before the simulation started). */
    void seed(Image image) {
        images.add(image);
    }

    Image push(String repository, String digest, String tag, ImageHealth health) {
        Image image = new Image(repository, digest, tag, clock.instant(), health);
        images.add(image);
        bus.publish(
                new EcrImageAction(
                        new EventEnvelope(
                                "ecr-" + images.size(),
                                "ECR Image Action",
                                "aws.ecr",
                                "123456789012",
                                image.pushedAt(),
                                "us-east-1",
                                List.of()),
                        "SUCCESS",
                        "PUSH",
                        repository,
                        digest,
                        tag),
                image.pushedAt());
        return image;
    }

    Optional<Image> image(String digest) {
        return images.stream().filter(i -> i.digest().equals(digest)).findFirst();
    }

    List<Image> images() {
        return List.copyOf(images);
    }

    @Override
    public String repositoryUri(String repository) {
        return ACCOUNT_REGISTRY + repository;
    }

    @Override
    public Optional<Instant> pushedAt(String repository, String digest) {
        return image(digest).filter(i -> i.repository().equals(repository)).map(Image::pushedAt);
    }

    @Override
    public List<PushedImage> recentImages(String repository, int limit) {
        return images.stream()
                .filter(i -> i.repository().equals(repository) && i.tag() != null)
                .sorted(Comparator.comparing(Image::pushedAt).reversed())
                .limit(limit)
                .map(i -> new PushedImage(i.digest(), List.of(i.tag()), i.pushedAt()))
                .toList();
    }
}
