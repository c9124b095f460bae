package dev.antigravity.lambdas.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the deployment hooks need from the container registry (ECR). */
public interface RegistryPort {

    /** {@code 123456789012.dkr.ecr.region.amazonaws.com/name}. */
    String repositoryUri(String repository);

    Optional<Instant> pushedAt(String repository, String digest);

    /** The most recently pushed tagged images, newest first. */
    List<PushedImage> recentImages(String repository, int limit);

    record PushedImage(String digest, List<String> tags, Instant pushedAt) {
        public PushedImage {
            tags = List.copyOf(tags);
        }
    }
}
