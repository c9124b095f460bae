package dev.antigravity.lambdas.domain.port;

import dev.antigravity.events.platform.PlatformEvent;

/** The notification port: publishes platform events to the one platform topic (SNS). */
public interface PlatformEventPublisher {

    void publish(PlatformEvent event);
}
