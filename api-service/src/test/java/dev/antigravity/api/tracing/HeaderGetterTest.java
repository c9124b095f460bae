package dev.antigravity.api.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.api.Test;

/** The propagator's names are looked up without building a header name per request, with the same answers. */
class HeaderGetterTest {
    @Test
    void readsTheTraceContextHeadersWhateverTheirCaseAndAnyOtherName() {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.set(HeaderNames.create("TraceParent"), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.set(HeaderNames.create("tracestate"), "congo=t61rcWkgMzE");
        headers.set(HeaderNames.create("Baggage"), "k=v");

        assertThat(HeaderGetter.INSTANCE.get(headers, "traceparent"))
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(HeaderGetter.INSTANCE.get(headers, "tracestate")).isEqualTo("congo=t61rcWkgMzE");
        assertThat(HeaderGetter.INSTANCE.get(headers, "baggage")).isEqualTo("k=v");
        assertThat(HeaderGetter.INSTANCE.get(headers, "absent")).isNull();
        assertThat(HeaderGetter.INSTANCE.get(null, "traceparent")).isNull();
        assertThat(HeaderGetter.INSTANCE.keys(headers)).contains("TraceParent", "tracestate", "Baggage");
    }
}
