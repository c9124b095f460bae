package dev.antigravity.lambdas.wiring.lifecycle;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.adapters.aws.AwsClients;
import dev.antigravity.lambdas.adapters.aws.CloudWatchCanaryMetrics;
import dev.antigravity.lambdas.adapters.http.HttpHealthProbe;
import dev.antigravity.lambdas.adapters.lambda.LifecycleHookInvocation;
import dev.antigravity.lambdas.adapters.lifecycle.AwsTransientErrors;
import dev.antigravity.lambdas.adapters.lifecycle.EcsRevisionTargetGroups;
import dev.antigravity.lambdas.adapters.lifecycle.EcsRevisionVersions;
import dev.antigravity.lambdas.adapters.lifecycle.EcsServiceDeploymentRollbacks;
import dev.antigravity.lambdas.app.lifecycle.AnswerLifecycleHook;
import dev.antigravity.lambdas.app.lifecycle.CanaryAnalysis;
import dev.antigravity.lambdas.app.lifecycle.StageChecks;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.wiring.hooks.HooksConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The lifecycle hook's checks; see {@link LifecycleHookSettings} and {@link CanarySettings} for its environment. */
@Module
public final class LifecycleHookModule {
    private LifecycleHookModule() {}

    @Provides
    @Singleton
    static LifecycleHookInvocation invocation(AnswerLifecycleHook hook, EventCodec codec) {
        return new LifecycleHookInvocation(hook, codec);
    }

    @Provides
    @Singleton
    static AnswerLifecycleHook answer(
            Map<String, String> env,
            HooksConfig config,
            EcsClient ecsClient,
            EcsPort ecs,
            AlarmPort alarms,
            EventCodec codec,
            AwsClients clients,
            Lazy<PlatformEventPublisher> publisher,
            PlatformEvents events,
            Clock clock) {
        LifecycleHookSettings settings = LifecycleHookSettings.from(env);
        // Only a hook configured for canaries needs CloudWatch metrics and the platform topic.
        CanaryAnalysis canary = CanarySettings.from(env)
                .map(c -> new CanaryAnalysis(
                        c.policy(),
                        new EcsRevisionTargetGroups(ecsClient),
                        new CloudWatchCanaryMetrics(
                                clients.build(CloudWatchClient.builder(), "CLOUDWATCH"),
                                c.loadBalancer(),
                                c.latencyStatistic()),
                        publisher.get(),
                        events,
                        clock))
                .orElse(null);
        return new AnswerLifecycleHook(
                settings.policy(),
                new StageChecks(
                        config.services(),
                        settings.testListeners(),
                        settings.smokePaths(),
                        // One attempt per invocation: ECS calling again after callBackDelay is the retry.
                        new HttpHealthProbe(codec.mapper(), 1, Duration.ofSeconds(5), Duration.ZERO),
                        new EcsRevisionVersions(ecsClient),
                        ecs,
                        alarms,
                        canary),
                new EcsServiceDeploymentRollbacks(ecsClient),
                new AwsTransientErrors());
    }
}
