package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.lambdas.adapters.lambda.FunctionUrlInvocation;
import dev.antigravity.lambdas.wiring.slack.DaggerSlackInteractivityComponent;
import dev.antigravity.lambdas.wiring.slack.SlackInteractivityComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Behind a Lambda function URL: Slack's button clicks (Roll back now, Promote, Freeze, Resume), verified in code. */
public final class SlackInteractivityHandler implements RequestStreamHandler {
    private final FunctionUrlInvocation invocation;

    public SlackInteractivityHandler() {
        this(System.getenv());
    }

    public SlackInteractivityHandler(Map<String, String> environment) {
        this(DaggerSlackInteractivityComponent.factory().create(environment));
    }

    /** Over a graph built elsewhere (a test puts another ECS in it, see EcsModule). */
    public SlackInteractivityHandler(SlackInteractivityComponent graph) {
        invocation = graph.invocation();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(invocation.handle(input).getBytes(StandardCharsets.UTF_8));
    }
}
