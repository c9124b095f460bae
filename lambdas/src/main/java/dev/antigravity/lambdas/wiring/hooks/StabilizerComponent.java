package dev.antigravity.lambdas.wiring.hooks;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.app.Stabilize;
import java.util.Map;
import javax.inject.Singleton;

/** The object graph of the scheduled stabilizer, built once per Lambda container from its environment. */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class})
public interface StabilizerComponent {
    Stabilize stabilize();

    EventCodec codec();

    @Component.Factory
    interface Factory {
        StabilizerComponent create(@BindsInstance Map<String, String> environment);
    }
}
