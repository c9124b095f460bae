package dev.antigravity.api.tracing;

import dev.antigravity.api.metrics.EmfWriter;
import io.helidon.config.Config;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The OpenTelemetry SDK the service traces with: W3C {@code traceparent} in and out, a sampler that follows the
 * caller's decision and otherwise keeps {@code tracing.ratio} of the traces, and spans exported over OTLP/HTTP to
 * {@code tracing.endpoint} (the ADOT collector sidecar, which forwards to X-Ray). With no endpoint nothing is
 * exported, but every request still has a trace id (in its log lines, and passed on to what it calls).
 */
public final class Tracing {
    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private Tracing() {}

    /** @param root the configuration root ({@code tracing.*}, {@code metrics.service} names the service) */
    public static OpenTelemetry create(Config root) {
        Config tracing = root.get("tracing");
        String endpoint = tracing.get("endpoint").asString().orElse("");
        double ratio = tracing.get("ratio").asDouble().orElse(0.1);
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("tracing.ratio must be between 0 and 1, was " + ratio);
        }
        String service = EmfWriter.service(root);
        return create(
                service,
                Sampler.parentBased(Sampler.traceIdRatioBased(ratio)),
                endpoint.isBlank()
                        ? KeepTraceIds.INSTANCE
                        : BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                                        .setEndpoint(endpoint)
                                        .build())
                                .build());
    }

    /**
     * The span processor when nothing is exported. The SDK with no processor at all hands out invalid, all-zero span
     * contexts, and then a request without a caller's {@code traceparent} has no trace id: none in its log lines,
     * none passed on to Stripe, SES or SNS. This one keeps the SDK issuing trace ids and does nothing with spans.
     */
    private enum KeepTraceIds implements SpanProcessor {
        INSTANCE;

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }

    /** The same SDK around any span processor (tests keep spans in memory); {@code null} = export nothing. */
    public static OpenTelemetrySdk create(String service, Sampler sampler, SpanProcessor processor) {
        var provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
                .setSampler(sampler);
        if (processor != null) {
            provider.addSpanProcessor(processor);
        }
        return OpenTelemetrySdk.builder()
                .setTracerProvider(provider.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }
}
