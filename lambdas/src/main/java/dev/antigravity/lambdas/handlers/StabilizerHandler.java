package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.events.aws.AwsEvent;
import dev.antigravity.lambdas.adapters.lambda.EventEntryPoint;
import dev.antigravity.lambdas.app.Stabilize;
import dev.antigravity.lambdas.wiring.hooks.DaggerStabilizerComponent;
import dev.antigravity.lambdas.wiring.hooks.StabilizerComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Scheduled (every minute): promote baked deployments, re-drive rollbacks, deploy images whose push was missed. */
public final class StabilizerHandler implements RequestStreamHandler {
    private final EventEntryPoint<AwsEvent> entry;

    public StabilizerHandler() {
        this(System.getenv());
    }

    public StabilizerHandler(Map<String, String> environment) {
        this(DaggerStabilizerComponent.factory().create(environment));
    }

    /** Over a graph built elsewhere (a test puts another ECS in it, see EcsModule). */
    public StabilizerHandler(StabilizerComponent graph) {
        Stabilize stabilize = graph.stabilize();
        entry = new EventEntryPoint<>(
                Stabilize.HANDLER, AwsEvent.class, graph.codec(), tick -> stabilize.run(tick.id()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        entry.handle(input, output);
    }
}
