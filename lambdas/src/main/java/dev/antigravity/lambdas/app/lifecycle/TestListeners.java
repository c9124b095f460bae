package dev.antigravity.lambdas.app.lifecycle;

import dev.antigravity.lambdas.domain.ServiceRef;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where each service's blue/green test listener answers (LIFECYCLE_TEST_LISTENER_URL): one base URL for every
 * service, or one per {@code cluster/service}.
 */
public record TestListeners(URI everyService, Map<String, URI> perService) {
    public TestListeners {
        perService = Map.copyOf(perService);
    }

    public static TestListeners none() {
        return new TestListeners(null, Map.of());
    }

    public Optional<URI> baseUrl(ServiceRef service) {
        return Optional.ofNullable(perService.getOrDefault(service.key(), everyService));
    }
}
