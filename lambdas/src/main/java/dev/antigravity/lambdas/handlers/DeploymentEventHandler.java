package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.lambdas.adapters.lambda.EventEntryPoint;
import dev.antigravity.lambdas.app.RecordDeploymentEvent;
import dev.antigravity.lambdas.wiring.hooks.DaggerDeploymentEventComponent;
import dev.antigravity.lambdas.wiring.hooks.DeploymentEventComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** "ECS Deployment State Change" → record, verify on COMPLETED, announce FAILED. */
public final class DeploymentEventHandler implements RequestStreamHandler {
    private final EventEntryPoint<EcsDeploymentStateChange> entry;

    public DeploymentEventHandler() {
        this(System.getenv());
    }

    public DeploymentEventHandler(Map<String, String> environment) {
        this(DaggerDeploymentEventComponent.factory().create(environment));
    }

    /** Over a graph built elsewhere (a test puts another ECS in it, see EcsModule). */
    public DeploymentEventHandler(DeploymentEventComponent graph) {
        entry = new EventEntryPoint<>(
                RecordDeploymentEvent.HANDLER,
                EcsDeploymentStateChange.class,
                graph.codec(),
                graph.recordDeploymentEvent()::handle);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        entry.handle(input, output);
    }
}
