package dev.antigravity.lambdas.wiring.controls;

import dagger.BindsInstance;
import dagger.Component;
import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.app.ReadStatus;
import dev.antigravity.lambdas.wiring.hooks.EcsModule;
import dev.antigravity.lambdas.wiring.hooks.HooksModule;
import java.util.Map;
import javax.inject.Singleton;

/** The CLI's controls: the status view and the rollback/promote/freeze/resume commands. */
@Singleton
@Component(modules = {HooksModule.class, EcsModule.class, ControlsModule.class})
public interface ControlsComponent {
    OperatorControls controls();

    ReadStatus status();

    @Component.Factory
    interface Factory {
        ControlsComponent create(@BindsInstance Map<String, String> environment);
    }
}
