package dev.antigravity.lambdas.wiring.hooks;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.app.AcceptImage;
import java.util.Map;
import javax.inject.Singleton;

/** The object graph of the push handler, built once per Lambda container from its environment. */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class})
public interface ImagePushComponent {
    AcceptImage acceptImage();

    EventCodec codec();

    @Component.Factory
    interface Factory {
        ImagePushComponent create(@BindsInstance Map<String, String> environment);
    }
}
