package dev.antigravity.lambdas.domain;

import dev.antigravity.lambdas.domain.policy.TagPolicy;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One entry of MANAGED_SERVICES: which repository (and tags) feed which container of which ECS service.
 *
 * @param alternateTargetGroupArn the second target group of a blue/green service (tasks move there on a swap), or null
 */
public record ManagedService(
        String repository,
        TagPolicy tagPolicy,
        ServiceRef ref,
        String container,
        String targetGroupArn,
        String alternateTargetGroupArn,
        URI healthUrl) {
    public ManagedService {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tagPolicy, "tagPolicy");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(container, "container");
    }

    public ManagedService(
            String repository,
            TagPolicy tagPolicy,
            ServiceRef ref,
            String container,
            String targetGroupArn,
            URI healthUrl) {
        this(repository, tagPolicy, ref, container, targetGroupArn, null, healthUrl);
    }

    public Optional<String> targetGroup() {
        return Optional.ofNullable(targetGroupArn);
    }

    /** Every target group the service's tasks may be registered in (one, or two for blue/green). */
    public List<String> targetGroups() {
        return Stream.of(targetGroupArn, alternateTargetGroupArn)
                .filter(Objects::nonNull)
                .toList();
    }

    public Optional<URI> health() {
        return Optional.ofNullable(healthUrl);
    }
}
