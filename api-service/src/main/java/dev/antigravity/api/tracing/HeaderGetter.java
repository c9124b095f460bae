package dev.antigravity.api.tracing;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;

/** Reads a caller's W3C trace-context headers from Helidon's request headers (routed or not). */
public final class HeaderGetter implements TextMapGetter<Headers> {
    public static final HeaderGetter INSTANCE = new HeaderGetter();

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
        return headers == null ? null : headers.first(HeaderNames.create(key)).orElse(null);
    }
}
