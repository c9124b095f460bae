package dev.antigravity.lambdas.wiring.lifecycle;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.lambdas.adapters.lambda.LifecycleHookInvocation;
import dev.antigravity.lambdas.wiring.hooks.EcsModule;
import dev.antigravity.lambdas.wiring.hooks.HooksModule;
import java.util.Map;
import javax.inject.Singleton;

/**
 * The LifecycleHookHandler's object graph: the deployment hooks' ECS, CloudWatch and configuration providers
 * plus the hook's own checks, built once per Lambda container.
 */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class, LifecycleHookModule.class})
public interface LifecycleHookComponent {
    LifecycleHookInvocation invocation();

    @Component.Factory
    interface Factory {
        LifecycleHookComponent create(@BindsInstance Map<String, String> environment);
    }
}
