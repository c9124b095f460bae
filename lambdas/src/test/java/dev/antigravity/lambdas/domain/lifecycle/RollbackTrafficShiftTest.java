package dev.antigravity.lambdas.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.lifecycle.LifecycleHookPayload;
import dev.antigravity.events.lifecycle.LifecycleStage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RollbackTrafficShiftTest {
    private static final String GREEN = "arn:aws:ecs:eu-west-1:111122223333:service-revision/c/api/44";
    private static final String BLUE = "arn:aws:ecs:eu-west-1:111122223333:service-revision/c/api/27";

    @Test
    void trafficMovingOffTheTargetAtARecurringStageIsARollback() {
        assertThat(RollbackTrafficShift.seenIn(
                        payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(GREEN, 0, BLUE, 100))))
                .isPresent();
        assertThat(RollbackTrafficShift.seenIn(
                        payload(LifecycleStage.TEST_TRAFFIC_SHIFT, Map.of(GREEN, 0, BLUE, 100), Map.of())))
                .isPresent();
    }

    @Test
    void trafficMovingOntoTheTargetOrNoWeightsAtAllIsNot() {
        assertThat(RollbackTrafficShift.seenIn(
                        payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(GREEN, 100, BLUE, 0))))
                .isEmpty();
        assertThat(RollbackTrafficShift.seenIn(
                        payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(GREEN, 10, BLUE, 90))))
                .as("a canary step")
                .isEmpty();
        assertThat(RollbackTrafficShift.seenIn(payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of())))
                .isEmpty();
        assertThat(RollbackTrafficShift.seenIn(
                        payload(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, Map.of(), Map.of(GREEN, 0))))
                .as("no revision takes the traffic")
                .isEmpty();
        assertThat(RollbackTrafficShift.seenIn(
                        payload(LifecycleStage.TEST_TRAFFIC_SHIFT, Map.of(), Map.of(GREEN, 0, BLUE, 100))))
                .as("the other stage's weights")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = LifecycleStage.class,
            names = {"TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"},
            mode = EnumSource.Mode.EXCLUDE)
    void otherStagesAndAMissingStageProveNothing(LifecycleStage stage) {
        Map<String, Integer> awayFromGreen = Map.of(GREEN, 0, BLUE, 100);
        assertThat(RollbackTrafficShift.seenIn(payload(stage, awayFromGreen, awayFromGreen)))
                .isEmpty();
        assertThat(RollbackTrafficShift.seenIn(payload(null, awayFromGreen, awayFromGreen)))
                .isEmpty();
    }

    private static LifecycleHookPayload payload(
            LifecycleStage stage, Map<String, Integer> test, Map<String, Integer> production) {
        return new LifecycleHookPayload(
                null,
                stage,
                null,
                "arn:aws:ecs:eu-west-1:111122223333:service/c/api",
                GREEN,
                test,
                production,
                Map.of());
    }
}
