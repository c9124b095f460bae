package dev.antigravity.api.tracing;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a caller's W3C trace-context headers from Helidon's request headers (routed or not). */
public final class HeaderGetter implements TextMapGetter<Headers> {
    public static final HeaderGetter INSTANCE = new HeaderGetter();

    /** The names the W3C propagator asks for on every request, built once (HeaderNames.create lower-cases its input). */
    private static final Map<String, HeaderName> W3C_NAMES =
            Map.of("traceparent", HeaderNames.create("traceparent"), "tracestate", HeaderNames.create("tracestate"));

    private HeaderGetter() {}

    @Override
    public Iterable<String> keys(Headers headers) {
        List<String> names = new ArrayList<>();
        for (Header header : headers) {
            names.add(header.name());
        }
        return names;
    }

    @Override
    public String get(Headers headers, String key) {
        if (headers == null) {
            return null;
        }
        HeaderName name = W3C_NAMES.get(key);
        return headers.first(name != null ? name : HeaderNames.create(key)).orElse(null);
    }
}
