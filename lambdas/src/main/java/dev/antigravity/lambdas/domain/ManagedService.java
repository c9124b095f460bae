package dev.antigravity.lambdas.domain;

import dev.antigravity.lambdas.domain.policy.TagPolicy;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** One entry of MANAGED_SERVICES: which repository (and tags) feed which container of which ECS service. */
public record ManagedService(String repository, TagPolicy tagPolicy, ServiceRef ref, String container,
                             String targetGroupArn, URI healthUrl) {
    public ManagedService {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tagPolicy, "tagPolicy");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(container, "container");
    }

    public Optional<String> targetGroup() {
        return Optional.ofNullable(targetGroupArn);
    }

    public Optional<URI> health() {
        return Optional.ofNullable(healthUrl);
    }
}
