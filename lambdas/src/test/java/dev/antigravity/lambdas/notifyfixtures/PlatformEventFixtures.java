package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Platform events for the notifier tests, starting from the events-schema samples. */
public final class PlatformEventFixtures {
    private static final EventCodec CODEC = new EventCodec();

    private PlatformEventFixtures() {}

    public static String sampleJson(String name) {
        try (InputStream in = PlatformEventFixtures.class.getResourceAsStream("/events-schema/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RollbackStarted sample: prod, antigravity-prod/api, guard alarm antigravity-prod-api-5xx. */
    public static PlatformEvent rollbackStarted() {
        return CODEC.decodePlatformEvent(sampleJson("platform-rollback-started.json"));
    }

    public static PlatformEvent alarmCleared() {
        return CODEC.decodePlatformEvent(sampleJson("platform-alarm-cleared.json"));
    }

    /** A guard alarm in ALARM with no deployment in flight: antigravity-prod/api, antigravity-prod-api-5xx. */
    public static PlatformEvent serviceUnhealthy() {
        return CODEC.decodePlatformEvent(sampleJson("platform-service-unhealthy.json"));
    }

    public static PlatformEvent automationSuspended() {
        return CODEC.decodePlatformEvent(sampleJson("platform-automation-suspended.json"));
    }

    /** The rollback sample re-typed (and re-identified) as {@code type}, for tables over every type. */
    public static PlatformEvent ofType(PlatformEventType type, Severity severity) {
        PlatformEvent base = rollbackStarted();
        return new PlatformEvent(
                "api:7/" + type,
                type,
                severity,
                base.occurredAt(),
                base.environment(),
                base.cluster(),
                base.service(),
                base.deploymentId(),
                base.repository(),
                base.version(),
                base.imageDigest(),
                base.fromRevision(),
                base.toRevision(),
                base.alarmName(),
                base.reason(),
                base.causeEventId(),
                base.timeline());
    }

    public static String encode(PlatformEvent event) {
        return CODEC.encode(event);
    }
}
