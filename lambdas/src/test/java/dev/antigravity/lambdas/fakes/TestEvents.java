package dev.antigravity.lambdas.fakes;

import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.AlarmState;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.aws.EventEnvelope;
import java.time.Instant;
import java.util.List;

/** AWS event records as EventBridge would deliver them, built for a test. */
public final class TestEvents {
    private TestEvents() {}

    public static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    public static EcrImageAction push(String id, String digest, String tag, Instant at) {
        return new EcrImageAction(
                new EventEnvelope(id, "ECR Image Action", "aws.ecr", "123456789012", at, "us-east-1", List.of()),
                "SUCCESS",
                "PUSH",
                TestPlatform.REPOSITORY,
                digest,
                tag);
    }

    public static EcsDeploymentStateChange ecs(
            String id, EcsDeploymentStateChange.Phase phase, String ecsDeploymentId, Instant at) {
        return new EcsDeploymentStateChange(
                new EventEnvelope(
                        id,
                        "ECS Deployment State Change",
                        "aws.ecs",
                        "123456789012",
                        at,
                        "us-east-1",
                        List.of(TestPlatform.SERVICE_ARN)),
                "INFO",
                phase,
                ecsDeploymentId,
                at,
                "ECS deployment " + ecsDeploymentId + " " + phase,
                TestPlatform.SERVICE_ARN);
    }

    public static CloudWatchAlarmStateChange alarm(String id, String name, Value from, Value to, Instant at) {
        return new CloudWatchAlarmStateChange(
                new EventEnvelope(
                        id,
                        "CloudWatch Alarm State Change",
                        "aws.cloudwatch",
                        "123456789012",
                        at,
                        "us-east-1",
                        List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name)),
                name,
                new AlarmState(to, "Threshold Crossed", "{}", at.toString()),
                new AlarmState(from, "Threshold Crossed", "{}", at.toString()),
                List.of());
    }
}
