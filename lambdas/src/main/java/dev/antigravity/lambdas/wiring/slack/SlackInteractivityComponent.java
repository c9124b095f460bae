package dev.antigravity.lambdas.wiring.slack;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.lambdas.adapters.lambda.FunctionUrlInvocation;
import dev.antigravity.lambdas.wiring.hooks.EcsModule;
import dev.antigravity.lambdas.wiring.hooks.HooksModule;
import java.util.Map;
import javax.inject.Singleton;

/** The object graph of the Slack interactivity function, built once per Lambda container from its environment. */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class, SlackInteractivityModule.class})
public interface SlackInteractivityComponent {
    FunctionUrlInvocation invocation();

    @Component.Factory
    interface Factory {
        SlackInteractivityComponent create(@BindsInstance Map<String, String> environment);
    }
}
