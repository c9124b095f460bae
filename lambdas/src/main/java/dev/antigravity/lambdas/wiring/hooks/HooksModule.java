package dev.antigravity.lambdas.wiring.hooks;

import dagger.Module;
import dagger.Provides;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.lambdas.adapters.aws.AwsClients;
import dev.antigravity.lambdas.adapters.aws.CloudWatchAlarms;
import dev.antigravity.lambdas.adapters.aws.EcrAdapter;
import dev.antigravity.lambdas.adapters.aws.ElbTargetHealth;
import dev.antigravity.lambdas.adapters.aws.SsmFreezeSwitch;
import dev.antigravity.lambdas.adapters.aws.UnconfiguredFreezeSwitch;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import dev.antigravity.lambdas.adapters.http.HttpHealthProbe;
import dev.antigravity.lambdas.adapters.metrics.EmfWriter;
import dev.antigravity.lambdas.adapters.metrics.MeteredLedger;
import dev.antigravity.lambdas.adapters.sns.SnsPlatformEventPublisher;
import dev.antigravity.lambdas.app.AcceptImage;
import dev.antigravity.lambdas.app.AnnounceRecovery;
import dev.antigravity.lambdas.app.HandleAlarm;
import dev.antigravity.lambdas.app.PromoteBaked;
import dev.antigravity.lambdas.app.ReconcileRegistry;
import dev.antigravity.lambdas.app.RecordDeploymentEvent;
import dev.antigravity.lambdas.app.ResumeStranded;
import dev.antigravity.lambdas.app.RollBack;
import dev.antigravity.lambdas.app.ServiceLock;
import dev.antigravity.lambdas.app.Stabilize;
import dev.antigravity.lambdas.app.VerifyDeployment;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.port.AlarmPort;
import dev.antigravity.lambdas.domain.port.EcsPort;
import dev.antigravity.lambdas.domain.port.FreezeSwitch;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Everything the deployment hooks are made of, but ECS itself ({@link EcsModule}: every component lists both). Each handler's component asks only for its use case, so a
 * handler builds only the SDK clients it uses (the push handler never creates a CloudWatch client).
 */
@Module
public final class HooksModule {
    private HooksModule() {}

    @Provides
    @Singleton
    static EventCodec codec() {
        return new EventCodec();
    }

    @Provides
    @Singleton
    static HooksConfig config(Map<String, String> env, EventCodec codec) {
        return HooksConfig.from(env, codec.mapper());
    }

    @Provides
    @Singleton
    static AwsClients clients(Map<String, String> env) {
        return new AwsClients(env);
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static PlatformEvents platformEvents(HooksConfig config) {
        return new PlatformEvents(config.settings().environment());
    }

    @Provides
    @Singleton
    static EcsClient ecsClient(AwsClients clients) {
        return clients.build(EcsClient.builder(), "ECS");
    }

    @Provides
    @Singleton
    static RegistryPort registry(AwsClients clients) {
        return new EcrAdapter(clients.build(EcrClient.builder(), "ECR"));
    }

    @Provides
    @Singleton
    static LedgerPort ledger(DynamoDbLedger ledger, HooksConfig config, Clock clock) {
        return new MeteredLedger(
                ledger, new EmfWriter(System.out), config.settings().environment(), clock);
    }

    @Provides
    @Singleton
    static DynamoDbLedger dynamoDbLedger(AwsClients clients, HooksConfig config, Clock clock) {
        return new DynamoDbLedger(
                clients.build(DynamoDbClient.builder(), "DYNAMODB"), config.requiredLedgerTable(), clock);
    }

    @Provides
    @Singleton
    static PlatformEventPublisher publisher(AwsClients clients, HooksConfig config, EventCodec codec) {
        return new SnsPlatformEventPublisher(
                clients.build(SnsClient.builder(), "SNS"), config.requiredTopicArn(), codec);
    }

    @Provides
    @Singleton
    static FreezeSwitch freeze(AwsClients clients, HooksConfig config) {
        if (config.freezeParameter() == null || config.freezeParameter().isBlank()) {
            return new UnconfiguredFreezeSwitch();
        }
        return new SsmFreezeSwitch(clients.build(SsmClient.builder(), "SSM"), config.freezeParameter());
    }

    @Provides
    @Singleton
    static AlarmPort alarms(AwsClients clients) {
        return new CloudWatchAlarms(clients.build(CloudWatchClient.builder(), "CLOUDWATCH"));
    }

    @Provides
    @Singleton
    static TargetHealthPort targets(AwsClients clients) {
        return new ElbTargetHealth(clients.build(ElasticLoadBalancingV2Client.builder(), "ELASTIC_LOAD_BALANCING_V2"));
    }

    @Provides
    @Singleton
    static HealthProbe probe(EventCodec codec) {
        return new HttpHealthProbe(codec.mapper(), 3, Duration.ofSeconds(3), Duration.ofSeconds(2));
    }

    @Provides
    @Singleton
    static ServiceLock serviceLock(LedgerPort ledger, Clock clock) {
        return new ServiceLock(ledger, clock);
    }

    @Provides
    @Singleton
    static AcceptImage acceptImage(
            HooksConfig config,
            EcsPort ecs,
            RegistryPort registry,
            LedgerPort ledger,
            FreezeSwitch freeze,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            ServiceLock lock,
            Clock clock) {
        return new AcceptImage(config.services(), ecs, registry, ledger, freeze, publisher, events, lock, clock);
    }

    @Provides
    @Singleton
    static VerifyDeployment verify(EcsPort ecs, TargetHealthPort targets, HealthProbe probe, AlarmPort alarms) {
        return new VerifyDeployment(ecs, targets, probe, alarms);
    }

    @Provides
    @Singleton
    static RollBack rollBack(
            EcsPort ecs,
            LedgerPort ledger,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            HooksConfig config,
            ServiceLock lock,
            AlarmPort alarms,
            Clock clock) {
        return new RollBack(ecs, ledger, publisher, events, config.settings(), lock, alarms, clock);
    }

    @Provides
    @Singleton
    static RecordDeploymentEvent recordDeploymentEvent(
            HooksConfig config,
            EcsPort ecs,
            LedgerPort ledger,
            VerifyDeployment verify,
            RollBack rollBack,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            Clock clock) {
        return new RecordDeploymentEvent(
                config.services(), ecs, ledger, verify, rollBack, publisher, events, config.settings(), clock);
    }

    @Provides
    @Singleton
    static HandleAlarm handleAlarm(
            HooksConfig config,
            EcsPort ecs,
            LedgerPort ledger,
            RollBack rollBack,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            Clock clock,
            AlarmPort alarms) {
        return new HandleAlarm(
                config.services(),
                ecs,
                ledger,
                rollBack,
                publisher,
                events,
                clock,
                new AnnounceRecovery(ecs, alarms, publisher, events, clock));
    }

    @Provides
    @Singleton
    static Stabilize stabilize(
            HooksConfig config,
            EcsPort ecs,
            LedgerPort ledger,
            RegistryPort registry,
            VerifyDeployment verify,
            RollBack rollBack,
            AcceptImage acceptImage,
            RecordDeploymentEvent deploymentEvents,
            PlatformEventPublisher publisher,
            PlatformEvents events,
            ServiceLock lock,
            Clock clock) {
        return new Stabilize(
                config.services(),
                ledger,
                new PromoteBaked(ecs, ledger, verify, rollBack, publisher, events, lock, clock),
                new ResumeStranded(ecs, ledger, acceptImage, rollBack, deploymentEvents, config.settings(), clock),
                new ReconcileRegistry(ledger, registry, acceptImage, clock));
    }
}
