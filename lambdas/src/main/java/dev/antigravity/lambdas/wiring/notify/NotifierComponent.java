package dev.antigravity.lambdas.wiring.notify;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.lambdas.adapters.lambda.NotifierInvocation;
import dev.antigravity.lambdas.wiring.hooks.EcsModule;
import dev.antigravity.lambdas.wiring.hooks.HooksModule;
import java.util.Map;
import javax.inject.Singleton;

/**
 * The NotifierHandler's object graph, built once per Lambda container from its environment (sharing the
 * deployment hooks' SDK client set-up, codec and clock).
 */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class, NotifierModule.class})
public interface NotifierComponent {
    NotifierInvocation invocation();

    @Component.Factory
    interface Factory {
        NotifierComponent create(@BindsInstance Map<String, String> environment);
    }
}
