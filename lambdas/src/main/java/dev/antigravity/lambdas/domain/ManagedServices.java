package dev.antigravity.lambdas.domain;

import java.util.List;
import java.util.Optional;

/** The configured services; anything not listed here is not Antigravity's to touch. */
public record ManagedServices(List<ManagedService> all) {
    public ManagedServices {
        all = List.copyOf(all);
    }

    public List<ManagedService> fedBy(String repository) {
        return all.stream().filter(s -> s.repository().equals(repository)).toList();
    }

    public Optional<ManagedService> find(ServiceRef ref) {
        return all.stream().filter(s -> s.ref().equals(ref)).findFirst();
    }
}
