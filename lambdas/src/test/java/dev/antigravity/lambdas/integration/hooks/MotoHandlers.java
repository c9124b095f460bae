package dev.antigravity.lambdas.integration.hooks;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.antigravity.lambdas.adapters.aws.EcsAdapter;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.handlers.AlarmHandler;
import dev.antigravity.lambdas.handlers.DeploymentEventHandler;
import dev.antigravity.lambdas.handlers.ImagePushHandler;
import dev.antigravity.lambdas.handlers.LifecycleHookHandler;
import dev.antigravity.lambdas.handlers.SlackInteractivityHandler;
import dev.antigravity.lambdas.handlers.StabilizerHandler;
import dev.antigravity.lambdas.wiring.hooks.AlarmComponent;
import dev.antigravity.lambdas.wiring.hooks.DeploymentEventComponent;
import dev.antigravity.lambdas.wiring.hooks.HooksModule;
import dev.antigravity.lambdas.wiring.hooks.ImagePushComponent;
import dev.antigravity.lambdas.wiring.hooks.StabilizerComponent;
import dev.antigravity.lambdas.wiring.lifecycle.LifecycleHookComponent;
import dev.antigravity.lambdas.wiring.lifecycle.LifecycleHookModule;
import dev.antigravity.lambdas.wiring.slack.SlackInteractivityComponent;
import dev.antigravity.lambdas.wiring.slack.SlackInteractivityModule;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The real handlers over the production Dagger graphs, with one module swapped: ECS is the real adapter on moto
 * behind {@link MotoEcsGaps} instead of the Lambda jar's {@code EcsModule}. Each factory has the shape of the
 * handler's environment constructor, so a test passes {@code MotoHandlers::alarm} where it passed
 * {@code AlarmHandler::new}.
 */
final class MotoHandlers {
    private MotoHandlers() {}

    static ImagePushHandler imagePush(Map<String, String> env) {
        return new ImagePushHandler(DaggerMotoHandlers_ImagePush.factory().create(env));
    }

    static DeploymentEventHandler deploymentEvent(Map<String, String> env) {
        return new DeploymentEventHandler(
                DaggerMotoHandlers_DeploymentEvent.factory().create(env));
    }

    static AlarmHandler alarm(Map<String, String> env) {
        return new AlarmHandler(DaggerMotoHandlers_Alarm.factory().create(env));
    }

    static StabilizerHandler stabilizer(Map<String, String> env) {
        return new StabilizerHandler(DaggerMotoHandlers_Stabilizer.factory().create(env));
    }

    static LifecycleHookHandler lifecycleHook(Map<String, String> env) {
        return new LifecycleHookHandler(
                DaggerMotoHandlers_LifecycleHook.factory().create(env));
    }

    static SlackInteractivityHandler slackInteractivity(Map<String, String> env) {
        return new SlackInteractivityHandler(
                DaggerMotoHandlers_SlackInteractivity.factory().create(env));
    }

    /** ECS on moto, with what moto does not do filled in. */
    @Module
    static final class MotoEcsModule {
        private MotoEcsModule() {}

        @Provides
        @Singleton
        static EcsPort ecs(EcsClient client) {
            return new MotoEcsGaps(new EcsAdapter(client), client);
        }
    }

    @Singleton
    @Component(modules = {HooksModule.class, MotoEcsModule.class})
    interface ImagePush extends ImagePushComponent {
        @Component.Factory
        interface Factory {
            ImagePush create(@BindsInstance Map<String, String> environment);
        }
    }

    @Singleton
    @Component(modules = {HooksModule.class, MotoEcsModule.class})
    interface DeploymentEvent extends DeploymentEventComponent {
        @Component.Factory
        interface Factory {
            DeploymentEvent create(@BindsInstance Map<String, String> environment);
        }
    }

    @Singleton
    @Component(modules = {HooksModule.class, MotoEcsModule.class})
    interface Alarm extends AlarmComponent {
        @Component.Factory
        interface Factory {
            Alarm create(@BindsInstance Map<String, String> environment);
        }
    }

    @Singleton
    @Component(modules = {HooksModule.class, MotoEcsModule.class})
    interface Stabilizer extends StabilizerComponent {
        @Component.Factory
        interface Factory {
            Stabilizer create(@BindsInstance Map<String, String> environment);
        }
    }

    @Singleton
    @Component(modules = {HooksModule.class, MotoEcsModule.class, LifecycleHookModule.class})
    interface LifecycleHook extends LifecycleHookComponent {
        @Component.Factory
        interface Factory {
            LifecycleHook create(@BindsInstance Map<String, String> environment);
        }
    }

    @Singleton
    @Component(modules = {HooksModule.class, MotoEcsModule.class, SlackInteractivityModule.class})
    interface SlackInteractivity extends SlackInteractivityComponent {
        @Component.Factory
        interface Factory {
            SlackInteractivity create(@BindsInstance Map<String, String> environment);
        }
    }
}
