package dev.antigravity.lambdas.app.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.adapters.http.HttpHealthProbe;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.lifecycle.HookDecision;
import dev.antigravity.lambdas.domain.lifecycle.LifecycleHookPolicy;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.fakes.Fakes;
import dev.antigravity.lambdas.notifyfixtures.FakeEcs;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerLifecycleHookTest {
    private static final String SERVICE_ARN = "arn:aws:ecs:us-west-2:123456789012:service/my-cluster/my-service";
    private static final String TARGET = "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/93";
    private static final String BLUE = "arn:aws:ecs:us-west-2:123456789012:service-revision/my-cluster/my-service/19";

    private final WireMockServer testListener =
            new WireMockServer(wireMockConfig().dynamicPort());
    private final Fakes.Alarms alarms = new Fakes.Alarms();
    private final FakeEcs ecs = new FakeEcs(List.of("api-5xx", "api-latency"));
    private String reportedVersion = "sha-abc1234";
    private RuntimeException versionFailure;
    private Optional<String> ecsRollback = Optional.empty();
    private RuntimeException rollbackLookupFailure;
    private int rollbackLookups;
    private AnswerLifecycleHook hook;

    @BeforeEach
    void start() {
        testListener.start();
        hook = new AnswerLifecycleHook(
                new LifecycleHookPolicy(LifecycleHookPolicy.defaultChecks(), 3, Duration.ofSeconds(20)),
                new StageChecks(
                        new ManagedServices(List.of()),
                        new TestListeners(URI.create(testListener.baseUrl() + "/"), Map.of()),
                        List.of("/api/products"),
                        new HttpHealthProbe(new ObjectMapper(), 1, Duration.ofSeconds(5), Duration.ZERO),
                        (revision, container) -> {
                            if (versionFailure != null) {
                                throw versionFailure;
                            }
                            return Optional.ofNullable(reportedVersion);
                        },
                        ecs,
                        alarms),
                (deployment, service, target) -> {
                    rollbackLookups++;
                    if (rollbackLookupFailure != null) {
                        throw rollbackLookupFailure;
                    }
                    return ecsRollback;
                },
                error -> error instanceof java.io.UncheckedIOException);
    }

    @AfterEach
    void stop() {
        testListener.stop();
    }

    @Test
    void aHealthyTestListenerOnTheExpectedVersionSucceeds() {
        serve("/health", 200, "{\"status\":\"UP\",\"version\":\"sha-abc1234\"}");
        serve("/ready", 200, "{}");
        serve("/api/products", 200, "[]");

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(decision.reason())
                .isEqualTo("smoke test passed: /health (version sha-abc1234), /ready, /api/products");
        assertThat(decision.attempt()).isEqualTo(1);
    }

    @Test
    void theOldVersionStillAnsweringMeansWaitAndAskAgainCountingTheAttempt() {
        serve("/health", 200, "{\"status\":\"UP\",\"version\":\"sha-0ld0000\"}");

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of("attempt", 1)));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(decision.callBackDelaySeconds()).isEqualTo(20);
        assertThat(decision.attempt()).isEqualTo(2);
        assertThat(decision.reason()).isEqualTo("/health reports version sha-0ld0000, expected sha-abc1234");
    }

    @Test
    void aSmokeTestThatNeverComesGoodFailsAtTheBound() {
        serve("/health", 200, "{\"version\":\"sha-abc1234\"}");
        serve("/ready", 503, "{}");

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of("attempt", 2)));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(decision.reason())
                .isEqualTo(
                        "still not good after 3 attempts: /ready: HTTP 503 on attempt 1/1 " + "(no version reported)");
    }

    @Test
    void anUnreachableTestListenerIsTransient() {
        testListener.stop();

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(decision.reason()).startsWith("/health: ConnectException on attempt 1/1");
    }

    @Test
    void aRevisionWithoutAppVersionIsSmokeTestedWithoutTheVersionCheck() {
        reportedVersion = null;
        serve("/health", 200, "{\"version\":\"whatever\"}");
        serve("/ready", 204, "");
        serve("/api/products", 200, "[]");

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(decision.reason()).contains("no APP_VERSION on the revision to compare");
    }

    @Test
    void ecsThrottlingWhileLookingUpTheVersionIsTransient() {
        versionFailure = new TransientCheckException("ECS answered 400: Rate exceeded", null);

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
    }

    @Test
    void productionTrafficShiftsOnlyWhileEveryGuardAlarmIsOk() {
        alarms.states.put("api-5xx", AlarmStatus.OK);
        alarms.states.put("api-latency", AlarmStatus.OK);
        assertThat(hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of()))
                        .status())
                .isEqualTo(HookDecision.Status.SUCCEEDED);

        alarms.states.put("api-latency", AlarmStatus.INSUFFICIENT_DATA);
        HookDecision waiting = hook.answer(payload(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, Map.of()));
        assertThat(waiting.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(waiting.reason()).isEqualTo("guard alarms not OK yet: api-latency INSUFFICIENT_DATA");

        alarms.states.put("api-5xx", AlarmStatus.ALARM);
        HookDecision failed = hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of("attempt", 1)));
        assertThat(failed.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("guard alarm in ALARM: api-5xx");
    }

    @Test
    void aTransientAwsFailureWaitsAndAnyOtherPropagatesToTheHandlersCatchAll() {
        ecs.failure = new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
        HookDecision waiting = hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of()));
        assertThat(waiting.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(waiting.reason()).contains("connection reset");

        ecs.failure = new IllegalStateException("a bug");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aServiceWithoutGuardAlarmsPassesTheAlarmStages() {
        AnswerLifecycleHook unguarded = new AnswerLifecycleHook(
                LifecycleHookPolicy.standard(),
                new StageChecks(
                        new ManagedServices(List.of()),
                        TestListeners.none(),
                        List.of(),
                        null,
                        null,
                        new FakeEcs(List.of()),
                        alarms),
                (deployment, service, target) -> Optional.empty(),
                error -> false);

        assertThat(unguarded
                        .answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of()))
                        .reason())
                .isEqualTo("no guard alarms on my-cluster/my-service");
    }

    @Test
    void noTestListenerConfiguredFailsTheSmokeStageWithTheReason() {
        AnswerLifecycleHook unconfigured = new AnswerLifecycleHook(
                LifecycleHookPolicy.standard(),
                new StageChecks(
                        new ManagedServices(List.of()), TestListeners.none(), List.of(), null, null, ecs, alarms),
                (deployment, service, target) -> Optional.empty(),
                error -> false);

        HookDecision decision = unconfigured.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(decision.reason()).contains("no test listener URL configured for my-cluster/my-service");
    }

    @Test
    void ecsOwnRollbackIsNeverHeldUpByTheGuardAlarmThatCausedIt() {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);

        HookDecision decision =
                hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(TARGET, 0, BLUE, 100)));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(decision.reason())
                .isEqualTo("this deployment is a rollback (PRODUCTION_TRAFFIC_SHIFT moves "
                        + "traffic off the target revision (weight 0)); a lifecycle hook never holds a rollback up");
        assertThat(rollbackLookups)
                .as("the payload says so; ECS need not be asked")
                .isZero();
    }

    @Test
    void whenEcsReportsARollbackAFailingCheckSucceedsAndSaysWhatItFound() {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);
        ecsRollback = Optional.of("ECS reports ROLLBACK_IN_PROGRESS: alarm api-5xx in ALARM");

        HookDecision decision =
                hook.answer(payload(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, Map.of("attempt", 1)));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(decision.attempt()).isEqualTo(2);
        assertThat(decision.reason())
                .isEqualTo("this deployment is a rollback (ECS reports "
                        + "ROLLBACK_IN_PROGRESS: alarm api-5xx in ALARM); a lifecycle hook never holds a rollback up "
                        + "(the check found: guard alarm in ALARM: api-5xx)");
    }

    @Test
    void aSmokeTestThatWouldWaitDuringARollbackSucceedsToo() {
        serve("/health", 503, "{}");
        ecsRollback = Optional.of("ECS reports ROLLBACK_REQUESTED");

        HookDecision decision = hook.answer(payload(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(decision.reason()).contains("(the check found: /health: HTTP 503");
    }

    @Test
    void aForwardDeploymentStillFailsOnAGuardAlarmOnceEcsSaysItIsNotRollingBack() {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);

        HookDecision forward =
                hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(TARGET, 100, BLUE, 0)));
        // Outside the two recurring stages such weights prove nothing (going forward, the target is at 0 % before
        // production traffic shifts): ECS is asked.
        HookDecision beforeTheShift = hook.answer(
                payload(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(TARGET, 0, BLUE, 100)));

        assertThat(forward.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(forward.reason()).isEqualTo("guard alarm in ALARM: api-5xx");
        assertThat(beforeTheShift.status()).isEqualTo(HookDecision.Status.FAILED);
        assertThat(rollbackLookups).isEqualTo(2);
    }

    @Test
    void aPassingCheckDoesNotAskEcs() {
        HookDecision decision = hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of()));

        assertThat(decision.status()).isEqualTo(HookDecision.Status.SUCCEEDED);
        assertThat(rollbackLookups).isZero();
    }

    @Test
    void whenEcsCannotSayWhetherItIsRollingBackAFailingCheckAsksAgainUpToTheBound() {
        alarms.states.put("api-5xx", AlarmStatus.ALARM);
        rollbackLookupFailure = new TransientCheckException("ECS answered 400: Rate exceeded", null);

        HookDecision waiting = hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of()));
        HookDecision atTheBound = hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of("attempt", 2)));

        assertThat(waiting.status()).isEqualTo(HookDecision.Status.IN_PROGRESS);
        assertThat(waiting.reason())
                .isEqualTo("guard alarm in ALARM: api-5xx; could not ask ECS whether this is a "
                        + "rollback: ECS answered 400: Rate exceeded");
        assertThat(atTheBound.status()).isEqualTo(HookDecision.Status.FAILED);

        rollbackLookupFailure = new IllegalStateException("a bug");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> hook.answer(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreadableAttemptCountOrOneLeftByAnotherStageStartsFromOne() {
        Optional<LifecycleStage> stage = Optional.of(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT);
        assertThat(AnswerLifecycleHook.previousAttempts(Map.of("attempt", "x"), stage))
                .isZero();
        assertThat(AnswerLifecycleHook.previousAttempts(Map.of("attempt", "4"), stage))
                .isEqualTo(4);
        assertThat(AnswerLifecycleHook.previousAttempts(Map.of("attempt", -3), stage))
                .isZero();
        assertThat(AnswerLifecycleHook.previousAttempts(
                        Map.of("attempt", 4, "stage", "PRODUCTION_TRAFFIC_SHIFT"), stage))
                .isEqualTo(4);
        assertThat(AnswerLifecycleHook.previousAttempts(
                        Map.of("attempt", 9, "stage", "POST_TEST_TRAFFIC_SHIFT"), stage))
                .isZero();
        assertThat(AnswerLifecycleHook.previousAttempts(Map.of("attempt", 4), Optional.empty()))
                .isEqualTo(4);
        assertThat(AnswerLifecycleHook.previousAttempts(
                        Map.of("attempt", 4, "stage", "PRODUCTION_TRAFFIC_SHIFT"), Optional.empty()))
                .isZero();
    }

    private void serve(String path, int status, String body) {
        testListener.stubFor(get(path).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private static LifecycleHookPayload payload(LifecycleStage stage, Map<String, Object> hookDetails) {
        return payload(stage, hookDetails, Map.of(TARGET, 0));
    }

    private static LifecycleHookPayload payload(
            LifecycleStage stage, Map<String, Object> hookDetails, Map<String, Integer> productionTrafficWeights) {
        return new LifecycleHookPayload(
                "f4fcae0f",
                stage,
                "arn:aws:ecs:us-west-2:123456789012:service-deployment/my-cluster/my-service/EZe5",
                SERVICE_ARN,
                TARGET,
                Map.of(TARGET, 100),
                productionTrafficWeights,
                hookDetails);
    }
}
