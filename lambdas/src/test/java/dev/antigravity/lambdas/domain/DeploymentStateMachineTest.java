package dev.antigravity.lambdas.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The full table: every state × every event, written out independently of the implementation. */
class DeploymentStateMachineTest {
    // Columns in DeploymentEvent order:
    // ECS_IN_PROGRESS ECS_COMPLETED ECS_FAILED VERIFICATION_PASSED VERIFICATION_FAILED GUARD_ALARM BAKE_ELAPSED
    // SUPERSEDED_BY_NEWER REPLACED_OUTSIDE ROLLBACK_REFUSED ROLLBACK_COMPLETED ROLLBACK_FAILED MANUAL_ROLLBACK
    // MANUAL_PROMOTION      ("-" = ignored)
    private static final String[] EXPECTED = {
        "PENDING         IN_PROGRESS VERIFYING FAILED - - ROLLING_BACK - SUPERSEDED SUPERSEDED ROLLBACK_FAILED - - ROLLING_BACK -",
        "IN_PROGRESS     - VERIFYING FAILED - - ROLLING_BACK - SUPERSEDED SUPERSEDED ROLLBACK_FAILED - - ROLLING_BACK -",
        "VERIFYING       - VERIFYING - BAKING ROLLING_BACK ROLLING_BACK - SUPERSEDED SUPERSEDED ROLLBACK_FAILED - - ROLLING_BACK -",
        "BAKING          - - - - - ROLLING_BACK STABLE SUPERSEDED SUPERSEDED ROLLBACK_FAILED - - ROLLING_BACK STABLE",
        "STABLE          - - - - - - - - - - - - - -",
        "FAILED          - - - - - - - - - - - - - -",
        "ROLLING_BACK    - - - - - - - - ROLLED_BACK - ROLLED_BACK ROLLBACK_FAILED - -",
        "ROLLED_BACK     - - - - - - - - - - - - - -",
        "ROLLBACK_FAILED - - - - - - - - - - - - - -",
        "SUPERSEDED      - - - - - - - - - - - - - -",
    };

    static List<Arguments> everyStateAndEvent() {
        List<Arguments> cases = new ArrayList<>();
        for (String row : EXPECTED) {
            String[] cells = row.trim().split("\\s+");
            DeploymentState from = DeploymentState.valueOf(cells[0]);
            for (DeploymentEvent event : DeploymentEvent.values()) {
                String cell = cells[1 + event.ordinal()];
                cases.add(Arguments.of(from, event, cell.equals("-") ? null : DeploymentState.valueOf(cell)));
            }
        }
        return cases;
    }

    @Test
    void tableCoversEveryStateAndEvent() {
        assertThat(EXPECTED).hasSize(DeploymentState.values().length);
        assertThat(everyStateAndEvent()).hasSize(DeploymentState.values().length * DeploymentEvent.values().length);
        assertThat(Arrays.stream(EXPECTED).map(r -> r.trim().split("\\s+")[0]).toList())
                .containsExactlyElementsOf(
                        Arrays.stream(DeploymentState.values()).map(Enum::name).toList());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndEvent")
    void transition(DeploymentState from, DeploymentEvent event, DeploymentState expected) {
        assertThat(DeploymentStateMachine.next(from, event)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void terminalStatesIgnoreEverything() {
        for (DeploymentState state : DeploymentState.values()) {
            if (state.isTerminal()) {
                for (DeploymentEvent event : DeploymentEvent.values()) {
                    assertThat(DeploymentStateMachine.next(state, event))
                            .as(state + " + " + event)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void sourcesNameExactlyTheStatesAWriteMayComeFrom() {
        assertThat(DeploymentStateMachine.sourcesOf(DeploymentEvent.GUARD_ALARM, DeploymentState.ROLLING_BACK))
                .isEqualTo(EnumSet.of(
                        DeploymentState.PENDING,
                        DeploymentState.IN_PROGRESS,
                        DeploymentState.VERIFYING,
                        DeploymentState.BAKING))
                .isEqualTo(DeploymentState.GUARDED);
        assertThat(DeploymentStateMachine.sourcesOf(DeploymentEvent.ECS_COMPLETED, DeploymentState.VERIFYING))
                .containsExactlyInAnyOrder(
                        DeploymentState.PENDING, DeploymentState.IN_PROGRESS, DeploymentState.VERIFYING);
        assertThat(DeploymentStateMachine.sourcesOf(DeploymentEvent.BAKE_ELAPSED, DeploymentState.STABLE))
                .containsExactly(DeploymentState.BAKING);
        assertThat(DeploymentStateMachine.sourcesOf(DeploymentEvent.ECS_IN_PROGRESS, DeploymentState.VERIFYING))
                .isEmpty();
        assertThat(DeploymentStateMachine.sourcesOf(DeploymentEvent.MANUAL_ROLLBACK, DeploymentState.ROLLING_BACK))
                .isEqualTo(DeploymentState.GUARDED);
        assertThat(DeploymentStateMachine.sourcesOf(DeploymentEvent.MANUAL_PROMOTION, DeploymentState.STABLE))
                .containsExactly(DeploymentState.BAKING);
    }
}
