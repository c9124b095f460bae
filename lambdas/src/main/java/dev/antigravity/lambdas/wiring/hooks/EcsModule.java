package dev.antigravity.lambdas.wiring.hooks;

import dagger.Module;
import dagger.Provides;
import dev.antigravity.lambdas.adapters.aws.EcsAdapter;
import dev.antigravity.lambdas.domain.port.EcsPort;
import javax.inject.Singleton;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * ECS as the hooks reach it: the real API. A module of its own so that a test graph can put another ECS in its
 * place (moto does not start deployments) without the Lambda jar carrying a switch for it.
 */
@Module
public final class EcsModule {
    private EcsModule() {}

    @Provides
    @Singleton
    static EcsPort ecs(EcsClient client) {
        return new EcsAdapter(client);
    }
}
