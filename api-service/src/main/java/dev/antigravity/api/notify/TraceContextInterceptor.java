package dev.antigravity.api.notify;

import dev.antigravity.api.tracing.TraceContextHeaders;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Adds the current span's W3C {@code traceparent} to every SES and SNS request. The synchronous clients run their
 * interceptors on the calling thread, where the job run's span is current. Hand-written: the OpenTelemetry AWS SDK
 * instrumentation is not served to this build, and it would propagate X-Ray's header rather than W3C's.
 */
final class TraceContextInterceptor implements ExecutionInterceptor {
    private final OpenTelemetry telemetry;

    TraceContextInterceptor(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Map<String, String> headers = TraceContextHeaders.current(telemetry);
        if (headers.isEmpty()) {
            return context.httpRequest();
        }
        SdkHttpRequest.Builder request = context.httpRequest().toBuilder();
        headers.forEach(request::putHeader);
        return request.build();
    }
}
