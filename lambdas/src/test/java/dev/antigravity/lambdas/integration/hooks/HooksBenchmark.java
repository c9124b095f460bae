package dev.antigravity.lambdas.integration.hooks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.lambdas.handlers.AlarmHandler;
import dev.antigravity.lambdas.handlers.DeploymentEventHandler;
import dev.antigravity.lambdas.handlers.ImagePushHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm decision latency of the deployment hooks against moto_server (not a test: run by scripts/bench-lambdas).
 * Per handler, in one JVM with the handler built once: the time from event in to outcome out on the path that
 * ends in an ECS call — push → RegisterTaskDefinition + UpdateService; COMPLETED → verification → BAKING;
 * guard ALARM → UpdateService to the last stable revision. Prints one JSON line per handler.
 */
public final class HooksBenchmark {
    private HooksBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        inMemory(rounds * 20, warmup * 20);
        try (MotoWorld world = new MotoWorld()) {
            world.health(200, "any");
            // Every round rolls back: lift the loop guard's limit so it does not suspend automation mid-run.
            Map<String, String> noLimit = Map.of("ROLLBACK_LIMIT", "1000000");
            ImagePushHandler push = world.handler(MotoHandlers::imagePush, 15, noLimit);
            DeploymentEventHandler deployments = world.handler(MotoHandlers::deploymentEvent, 15, noLimit);
            AlarmHandler alarms = world.handler(MotoHandlers::alarm, 15, noLimit);
            List<Long> pushNanos = new ArrayList<>();
            List<Long> verifyNanos = new ArrayList<>();
            List<Long> rollbackNanos = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                String tag = "sha-" + HexFormat.of().toHexDigits(i).substring(1);
                String digest = "sha256:" + String.format("%064x", 1_000_000 + i);
                // The last round's alarm recovered (the stand-in has no state time: an ALARM would fail verification).
                world.alarmState("OK");
                long pushed = timed(push, world.push("bench-p-" + i, digest, tag));
                String revision = world.runningRevision();
                world.health(200, tag);
                long verified = timed(
                        deployments, world.deploymentEvent("bench-c-" + i, "ecs-deployment-completed.json", revision));
                long rolledBack = timed(alarms, world.alarm("bench-a-" + i, "cloudwatch-alarm-guard-ok-to-alarm.json"));
                if (i >= warmup) {
                    pushNanos.add(pushed);
                    verifyNanos.add(verified);
                    rollbackNanos.add(rolledBack);
                }
            }
            world.platformEvents();
            print("ImagePushHandler", "push -> RegisterTaskDefinition + UpdateService", pushNanos);
            print(
                    "DeploymentEventHandler",
                    "COMPLETED -> verified (ECS, ELB, /health, CloudWatch) -> BAKING",
                    verifyNanos);
            print("AlarmHandler", "guard ALARM -> UpdateService to last stable", rollbackNanos);
        }
    }

    /** The decision alone: the same three paths over in-memory ports (no network), many more rounds. */
    private static void inMemory(int rounds, int warmup) {
        List<Long> pushNanos = new ArrayList<>();
        List<Long> verifyNanos = new ArrayList<>();
        List<Long> rollbackNanos = new ArrayList<>();
        for (int i = 0; i < warmup + rounds; i++) {
            dev.antigravity.lambdas.fakes.TestPlatform p = new dev.antigravity.lambdas.fakes.TestPlatform();
            var at = p.clock.instant();
            long started = System.nanoTime();
            p.acceptImage.handle(dev.antigravity.lambdas.fakes.TestEvents.push(
                    "p", dev.antigravity.lambdas.fakes.TestEvents.digest(1), "sha-1111111", at));
            long pushed = System.nanoTime() - started;
            String revision = p.ecs.runningRevision(dev.antigravity.lambdas.fakes.TestPlatform.API);
            started = System.nanoTime();
            p.recordDeploymentEvent.handle(dev.antigravity.lambdas.fakes.TestEvents.ecs(
                    "c",
                    dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.COMPLETED,
                    dev.antigravity.lambdas.fakes.FakeEcs.ecsDeploymentIdOf(revision),
                    at));
            long verified = System.nanoTime() - started;
            // The alarm goes off after the revision began to run (an earlier ALARM is not the revision's fault).
            started = System.nanoTime();
            p.alarmEvent(
                    "a",
                    "api-5xx",
                    dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value.OK,
                    dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value.ALARM,
                    at.plusSeconds(1));
            long rolledBack = System.nanoTime() - started;
            if (!p.ecs.runningRevision(dev.antigravity.lambdas.fakes.TestPlatform.API)
                    .equals(p.baseline)) {
                throw new IllegalStateException("in-memory benchmark did not roll back");
            }
            if (i >= warmup) {
                pushNanos.add(pushed);
                verifyNanos.add(verified);
                rollbackNanos.add(rolledBack);
            }
        }
        print("AcceptImage (in-memory ports)", "push -> UpdateService", pushNanos);
        print("RecordDeploymentEvent (in-memory ports)", "COMPLETED -> verified -> BAKING", verifyNanos);
        print("HandleAlarm (in-memory ports)", "guard ALARM -> UpdateService to last stable", rollbackNanos);
    }

    private static long timed(RequestStreamHandler handler, String event) {
        long started = System.nanoTime();
        JsonNode outcome = MotoWorld.invoke(handler, event);
        long elapsed = System.nanoTime() - started;
        if (!"APPLIED".equals(outcome.get("result").asText())) {
            throw new IllegalStateException("benchmark path not taken: " + outcome);
        }
        return elapsed;
    }

    private static void print(String handler, String path, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.println(String.format(
                Locale.ROOT,
                "{\"handler\":\"%s\",\"path\":\"%s\",\"n\":%d,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f}",
                handler,
                path,
                sorted.size(),
                ms(sorted, 0.50),
                ms(sorted, 0.90),
                ms(sorted, 0.99)));
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
