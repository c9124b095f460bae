package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.lambdas.adapters.lambda.EventEntryPoint;
import dev.antigravity.lambdas.app.HandleAlarm;
import dev.antigravity.lambdas.wiring.hooks.AlarmComponent;
import dev.antigravity.lambdas.wiring.hooks.DaggerAlarmComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** "CloudWatch Alarm State Change" of a guard alarm → roll back (ALARM) or announce recovery (OK). */
public final class AlarmHandler implements RequestStreamHandler {
    private final EventEntryPoint<CloudWatchAlarmStateChange> entry;

    public AlarmHandler() {
        this(System.getenv());
    }

    public AlarmHandler(Map<String, String> environment) {
        this(DaggerAlarmComponent.factory().create(environment));
    }

    /** Over a graph built elsewhere (a test puts another ECS in it, see EcsModule). */
    public AlarmHandler(AlarmComponent graph) {
        entry = new EventEntryPoint<>(
                HandleAlarm.HANDLER, CloudWatchAlarmStateChange.class, graph.codec(), graph.handleAlarm()::handle);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        entry.handle(input, output);
    }
}
