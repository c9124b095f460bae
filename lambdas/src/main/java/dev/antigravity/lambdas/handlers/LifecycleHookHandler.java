package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.lambdas.adapters.lambda.LifecycleHookInvocation;
import dev.antigravity.lambdas.wiring.lifecycle.DaggerLifecycleHookComponent;
import dev.antigravity.lambdas.wiring.lifecycle.LifecycleHookComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * ECS native blue/green lifecycle hook: answers {@code {"hookStatus": SUCCEEDED | FAILED | IN_PROGRESS, …}} and
 * never throws — a thrown error would roll the deployment back with no reason anyone can read.
 */
public final class LifecycleHookHandler implements RequestStreamHandler {
    private final LifecycleHookInvocation invocation;

    public LifecycleHookHandler() {
        this(System.getenv());
    }

    /** With an explicit environment (the CLI's {@code invoke}). */
    public LifecycleHookHandler(Map<String, String> environment) {
        this(LifecycleHookInvocation.orMisconfigured(
                () -> DaggerLifecycleHookComponent.factory().create(environment).invocation()));
    }

    /** Over a graph built elsewhere (a test puts another ECS in it, see EcsModule). */
    public LifecycleHookHandler(LifecycleHookComponent graph) {
        this(graph.invocation());
    }

    LifecycleHookHandler(LifecycleHookInvocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(invocation.respond(input).getBytes(StandardCharsets.UTF_8));
    }
}
