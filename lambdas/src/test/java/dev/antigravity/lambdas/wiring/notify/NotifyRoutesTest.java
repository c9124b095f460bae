package dev.antigravity.lambdas.wiring.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.Route;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class NotifyRoutesTest {
    @ParameterizedTest
    @NullAndEmptySource
    void noRoutesMeansTheDefaultTable(String value) {
        RoutingRules rules = NotifyRoutes.parse(value);

        assertThat(rules.routeFor(PlatformEventType.RollbackStarted).channels())
                .containsExactlyInAnyOrder(Channel.SLACK, Channel.PAGERDUTY);
        assertThat(rules.routeFor(PlatformEventType.DeploymentAccepted).channels())
                .containsExactly(Channel.SLACK);
    }

    @Test
    void entriesReplaceTheirTypesRouteAndTheStarReplacesTheFallback() {
        RoutingRules rules = NotifyRoutes.parse("""
                {"DeploymentStarted": {"channels": []},
                 "RollbackCompleted": {"channels": ["slack", "PAGERDUTY"], "severity": "warning"},
                 "*": {"channels": ["PAGERDUTY"]}}""");

        assertThat(rules.routeFor(PlatformEventType.DeploymentStarted).channels())
                .isEmpty();
        assertThat(rules.routeFor(PlatformEventType.RollbackCompleted))
                .isEqualTo(new Route(Set.of(Channel.SLACK, Channel.PAGERDUTY), Severity.WARNING));
        assertThat(rules.routeFor(PlatformEventType.RollbackStarted).channels())
                .containsExactlyInAnyOrder(Channel.SLACK, Channel.PAGERDUTY);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json | NOTIFY_ROUTES is not JSON",
                "[] | must be a JSON object",
                "{\"RollbackStartd\": {\"channels\": []}} | unknown event type 'RollbackStartd'",
                "{\"RollbackStarted\": {\"channels\": [\"TEAMS\"]}} | RollbackStarted.channels: unknown value 'TEAMS'",
                "{\"RollbackStarted\": {\"channels\": [], \"severity\": \"LOUD\"}} | unknown value 'LOUD'",
                "{\"RollbackStarted\": {\"channel\": []}} | must be {\"channels\"",
                "{\"RollbackStarted\": {\"channels\": [], \"colour\": \"red\"}} | unknown field 'colour'"
            })
    void aMistakeFailsWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> NotifyRoutes.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
