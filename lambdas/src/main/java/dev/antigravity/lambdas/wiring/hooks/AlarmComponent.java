package dev.antigravity.lambdas.wiring.hooks;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.app.HandleAlarm;
import java.util.Map;
import javax.inject.Singleton;

/** The object graph of the alarm handler, built once per Lambda container from its environment. */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class})
public interface AlarmComponent {
    HandleAlarm handleAlarm();

    EventCodec codec();

    @Component.Factory
    interface Factory {
        AlarmComponent create(@BindsInstance Map<String, String> environment);
    }
}
