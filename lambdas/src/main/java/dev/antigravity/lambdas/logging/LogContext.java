package dev.antigravity.lambdas.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields every log line of the current invocation carries (eventId, deploymentId, service, handler…). A handler
 * opens a scope per event; everything logged inside it — use cases, adapters, retries — is stamped with them.
 */
public final class LogContext {
    private static final ThreadLocal<Map<String, String>> FIELDS = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {}

    /** Adds (or replaces) fields until the returned scope closes, which restores what was there before. */
    public static Scope with(String key, String value, String... moreKeysAndValues) {
        Map<String, String> before = new LinkedHashMap<>(FIELDS.get());
        put(key, value);
        for (int i = 0; i + 1 < moreKeysAndValues.length; i += 2) {
            put(moreKeysAndValues[i], moreKeysAndValues[i + 1]);
        }
        return () -> {
            FIELDS.get().clear();
            FIELDS.get().putAll(before);
        };
    }

    /** Adds a field for the rest of the enclosing scope (e.g. the deployment id once an event has been read). */
    public static void put(String key, String value) {
        if (value != null) {
            FIELDS.get().put(key, value);
        }
    }

    /** The fields in force, for writers of other JSON lines (EMF metrics). */
    public static Map<String, String> current() {
        return Collections.unmodifiableMap(FIELDS.get());
    }

    /** A scope that cannot throw on close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
