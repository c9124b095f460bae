package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.lambdas.adapters.lambda.NotifierInvocation;
import dev.antigravity.lambdas.wiring.notify.DaggerNotifierComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Subscribed to the platform SNS topic: fans each platform event out to Slack and PagerDuty. Throws when a
 * channel could not be reached after retries, so Lambda's retries and then its on-failure destination (the DLQ)
 * keep the event; a malformed message is logged and acknowledged (no retry can fix it).
 */
public final class NotifierHandler implements RequestStreamHandler {
    /** When Lambda gives no context (CLI runs), claims are held this long. */
    private static final Duration NO_CONTEXT_DEADLINE = Duration.ofMinutes(2);

    private final NotifierInvocation notify;

    public NotifierHandler() {
        this(System.getenv());
    }

    /** With an explicit environment (the CLI's {@code invoke}). */
    public NotifierHandler(Map<String, String> environment) {
        this(DaggerNotifierComponent.factory().create(environment).invocation());
    }

    NotifierHandler(NotifierInvocation notify) {
        this.notify = notify;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Duration remaining =
                context == null ? NO_CONTEXT_DEADLINE : Duration.ofMillis(context.getRemainingTimeInMillis());
        output.write(notify.handle(input, remaining).getBytes(StandardCharsets.UTF_8));
    }
}
