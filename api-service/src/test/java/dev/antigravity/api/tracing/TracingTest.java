package dev.antigravity.api.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingTest {
    /**
     * With no collector configured nothing is exported, but a request's span must still carry a trace id: it is what
     * joins the request's log lines (trace_id) and what it passes on to Stripe, SES and SNS. An SDK with no span
     * processor hands out invalid (all-zero) span contexts, so that needs saying.
     */
    @Test
    void withoutAnEndpointEverySpanStillHasATraceId() {
        OpenTelemetry telemetry = Tracing.create(Config.just(ConfigSources.create(Map.of("tracing.ratio", "0.0"))));

        Span span = telemetry.getTracer("test").spanBuilder("request").startSpan();
        try {
            assertThat(span.getSpanContext().isValid()).isTrue();
            assertThat(span.getSpanContext().getTraceId()).isNotEqualTo("0".repeat(32));
            assertThat(span.getSpanContext().isSampled())
                    .as("ratio 0: not sampled, so not recorded")
                    .isFalse();
        } finally {
            span.end();
        }
    }

    @Test
    void sampledSpansWithoutAnEndpointAreRecordedButGoNowhere() {
        OpenTelemetry telemetry = Tracing.create(Config.just(ConfigSources.create(Map.of("tracing.ratio", "1.0"))));

        Span span = telemetry.getTracer("test").spanBuilder("request").startSpan();
        span.end();

        assertThat(span.getSpanContext().isValid()).isTrue();
        assertThat(span.getSpanContext().isSampled()).isTrue();
    }
}
