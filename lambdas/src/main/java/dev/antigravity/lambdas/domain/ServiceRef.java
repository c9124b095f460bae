package dev.antigravity.lambdas.domain;

import java.util.Objects;

/** An ECS service by cluster and name; {@link #key()} is how the ledger and logs name it. */
public record ServiceRef(String cluster, String service) {
    public ServiceRef {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
    }

    /** Parses {@code arn:aws:ecs:region:account:service/cluster/name} (the long ARN format ECS events carry). */
    public static java.util.Optional<ServiceRef> fromArn(String serviceArn) {
        int slash = serviceArn == null ? -1 : serviceArn.indexOf(":service/");
        if (slash < 0) {
            return java.util.Optional.empty();
        }
        String[] parts = serviceArn.substring(slash + ":service/".length()).split("/");
        return parts.length == 2
                ? java.util.Optional.of(new ServiceRef(parts[0], parts[1]))
                : java.util.Optional.empty();
    }

    public String key() {
        return cluster + "/" + service;
    }

    @Override
    public String toString() {
        return key();
    }
}
