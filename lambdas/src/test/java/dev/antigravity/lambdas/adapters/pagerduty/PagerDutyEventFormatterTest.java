package dev.antigravity.lambdas.adapters.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.domain.notification.DispatchPlanner;
import dev.antigravity.lambdas.domain.notification.RoutingRules;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import org.junit.jupiter.api.Test;

/** What PagerDuty receives: the resolve an alarm recovery sends must name a different alert than a failed rollback. */
class PagerDutyEventFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PagerDutyEventFormatter formatter = new PagerDutyEventFormatter(JSON, "us-east-1");
    private final DispatchPlanner planner = new DispatchPlanner(RoutingRules.defaults());

    @Test
    void theResolveOfARecoveredAlarmLeavesTheFailedRollbacksAlertOpen() throws Exception {
        JsonNode trigger =
                firstAction(PlatformEventFixtures.ofType(PlatformEventType.RollbackFailed, Severity.CRITICAL));
        JsonNode resolve = firstAction(PlatformEventFixtures.alarmCleared());

        assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
        assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.has("payload")).isFalse();
        assertThat(resolve.path("dedup_key").asText())
                .isEqualTo("antigravity/prod/antigravity-prod/api/deployment-unhealthy")
                .isNotEqualTo(trigger.path("dedup_key").asText());
    }

    @Test
    void aProductionIncidentPagesWithTheAlarmAndItsRecoveryResolvesIt() throws Exception {
        PlatformEvent unhealthy = PlatformEventFixtures.serviceUnhealthy();
        JsonNode trigger = firstAction(unhealthy);
        Dispatch recovery = pagerDutyDispatch(PlatformEventFixtures.alarmCleared());

        assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(trigger.path("payload")
                        .path("custom_details")
                        .path("alarmName")
                        .asText())
                .isEqualTo("antigravity-prod-api-5xx");
        assertThat(recovery.pagerDutyActions())
                .extracting(action -> JSON.readTree(formatter.format(recovery, action, "key"))
                        .path("dedup_key")
                        .asText())
                .contains(trigger.path("dedup_key").asText());
    }

    private JsonNode firstAction(PlatformEvent event) throws Exception {
        Dispatch dispatch = pagerDutyDispatch(event);
        return JSON.readTree(
                formatter.format(dispatch, dispatch.pagerDutyActions().getFirst(), "key"));
    }

    private Dispatch pagerDutyDispatch(PlatformEvent event) {
        return planner.plan(event).dispatches().stream()
                .filter(d -> d.channel() == Channel.PAGERDUTY)
                .findFirst()
                .orElseThrow();
    }
}
