package dev.antigravity.lambdas.simulation;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import java.util.ArrayList;
import java.util.List;

/** The platform SNS topic: keeps what was published, for the invariants (pages, suspensions). */
final class RecordingPublisher implements PlatformEventPublisher {
    private final List<PlatformEvent> published = new ArrayList<>();

    @Override
    public void publish(PlatformEvent event) {
        published.add(event);
    }

    boolean any(PlatformEventType type, String deploymentId) {
        for (PlatformEvent event : published) {
            if (event.type() == type && (deploymentId == null || deploymentId.equals(event.deploymentId()))) {
                return true;
            }
        }
        return false;
    }
}
