package dev.antigravity.lambdas.wiring.hooks;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.app.RecordDeploymentEvent;
import java.util.Map;
import javax.inject.Singleton;

/** The object graph of the ECS deployment-event handler, built once per Lambda container from its environment. */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class})
public interface DeploymentEventComponent {
    RecordDeploymentEvent recordDeploymentEvent();

    EventCodec codec();

    @Component.Factory
    interface Factory {
        DeploymentEventComponent create(@BindsInstance Map<String, String> environment);
    }
}
