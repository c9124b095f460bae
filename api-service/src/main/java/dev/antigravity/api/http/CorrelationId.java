package dev.antigravity.api.http;

import dev.antigravity.api.logging.LogContext;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id that ties one request's response, log lines and audit entries together. A client (or
 * the load balancer) may send its own {@code X-Request-Id}; it is accepted only if short and
 * made of safe characters, because it is echoed into headers and logs.
 */
public final class CorrelationId {
    public static final String HEADER = "X-Request-Id";
    public static final HeaderName HEADER_NAME = HeaderNames.create(HEADER);
    public static final int MAX_LENGTH = 128;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    private static final Object CONTEXT_KEY = new Object() {
        @Override
        public String toString() {
            return "antigravity.correlation-id";
        }
    };

    private CorrelationId() {}

    /** The request's correlation id: the client's valid {@code X-Request-Id} or a generated one. */
    public static String of(ServerRequest req) {
        // Inside the request's filter chain the id is bound to the thread (CorrelationIdFilter): no context lookup.
        if (LogContext.CORRELATION_ID.isBound()) {
            return LogContext.CORRELATION_ID.get();
        }
        Optional<String> known = req.context().get(CONTEXT_KEY, String.class);
        if (known.isPresent()) {
            return known.get();
        }
        String id = accept(req.headers().first(HEADER_NAME).orElse(null)).orElseGet(CorrelationId::generate);
        req.context().register(CONTEXT_KEY, id);
        return id;
    }

    /** The id of the request being handled on this thread, if any. */
    public static Optional<String> current() {
        return LogContext.correlationId();
    }

    /** A client-supplied id if it is safe to echo, else empty. */
    public static Optional<String> accept(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    public static String generate() {
        return generate(ThreadLocalRandom.current());
    }

    /**
     * A random (version 4) UUID drawn from {@code random}. Not {@link UUID#randomUUID()}: its
     * SecureRandom serializes every request on one lock (3-7 % of a fast route's CPU in
     * docs/benchmarks.md), and a correlation id needs uniqueness, not unpredictability.
     */
    static String generate(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
