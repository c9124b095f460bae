package dev.antigravity.lambdas.domain.notification;

import static dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DispatchPlannerTest {
    private static final String UNHEALTHY = "antigravity/prod/antigravity-prod/api/deployment-unhealthy";
    private final DispatchPlanner defaults = new DispatchPlanner(RoutingRules.defaults());

    @Test
    void aRollbackGoesToSlackAndPagesWithTheServicesUnhealthyDeploymentKey() {
        DispatchPlanner.Plan plan = defaults.plan(PlatformEventFixtures.rollbackStarted());

        assertThat(plan.dispatches()).extracting(Dispatch::channel).containsExactly(Channel.SLACK, Channel.PAGERDUTY);
        assertThat(plan.dispatches().get(1).pagerDutyActions())
                .containsExactly(new PagerDutyAction(PagerDutyAction.Kind.TRIGGER, UNHEALTHY));
        assertThat(plan.dispatches()).allMatch(d -> d.severity() == Severity.CRITICAL);
    }

    @Test
    void anAlarmBackToOkResolvesTheSameIncidentTheRollbackOpened() {
        Dispatch resolve =
                defaults.plan(PlatformEventFixtures.alarmCleared()).dispatches().get(1);

        assertThat(resolve.pagerDutyActions()).contains(new PagerDutyAction(PagerDutyAction.Kind.RESOLVE, UNHEALTHY));
    }

    @Test
    void suspendedAutomationIsItsOwnIncidentThatNoRecoveryResolves() {
        Dispatch page = defaults.plan(PlatformEventFixtures.automationSuspended())
                .dispatches()
                .get(1);

        assertThat(page.pagerDutyActions())
                .containsExactly(new PagerDutyAction(
                        PagerDutyAction.Kind.TRIGGER, "antigravity/prod/antigravity-prod/api/automation-suspended"));
    }

    @Test
    void aFailedRollbackIsItsOwnIncidentThatAnAlarmBackToOkDoesNotResolve() {
        Dispatch page = defaults.plan(ofType(PlatformEventType.RollbackFailed, Severity.CRITICAL))
                .dispatches()
                .get(1);
        Dispatch resolve =
                defaults.plan(PlatformEventFixtures.alarmCleared()).dispatches().get(1);

        assertThat(page.pagerDutyActions())
                .containsExactly(new PagerDutyAction(
                        PagerDutyAction.Kind.TRIGGER, "antigravity/prod/antigravity-prod/api/rollback-failed"));
        assertThat(resolve.pagerDutyActions())
                .extracting(PagerDutyAction::dedupKey)
                .doesNotContain(page.pagerDutyActions().getFirst().dedupKey());
    }

    /** A human must look at a failed rollback or suspended automation: no automatic recovery closes their page. */
    @ParameterizedTest
    @EnumSource(
            value = PlatformEventType.class,
            names = {"RollbackFailed", "AutomationSuspended"})
    void noRecoveryResolvesAnIncidentOnlyAHumanMayClose(PlatformEventType humanOnly) {
        String incident = defaults.plan(ofType(humanOnly, Severity.CRITICAL))
                .dispatches()
                .get(1)
                .pagerDutyActions()
                .getFirst()
                .dedupKey();

        for (PlatformEventType type : PlatformEventType.values()) {
            defaults.plan(ofType(type, Severity.INFO)).dispatches().stream()
                    .flatMap(d -> d.pagerDutyActions().stream())
                    .filter(a -> a.kind() == PagerDutyAction.Kind.RESOLVE)
                    .forEach(
                            a -> assertThat(a.dedupKey()).as(type + " resolves").isNotEqualTo(incident));
        }
    }

    @ParameterizedTest
    @EnumSource(PlatformEventType.class)
    void everyTypeReachesSlackAndOnlyTheActionableOnesReachPagerDuty(PlatformEventType type) {
        var paged = EnumSet.of(
                PlatformEventType.RollbackStarted,
                PlatformEventType.VerificationFailed,
                PlatformEventType.DeploymentFailed,
                PlatformEventType.RollbackFailed,
                PlatformEventType.AutomationSuspended,
                PlatformEventType.ServiceUnhealthy);
        var resolved = EnumSet.of(PlatformEventType.AlarmCleared, PlatformEventType.DeploymentStable);

        DispatchPlanner.Plan plan = defaults.plan(ofType(type, Severity.INFO));

        assertThat(plan.dispatches().get(0).channel()).isEqualTo(Channel.SLACK);
        if (paged.contains(type)) {
            assertThat(plan.dispatches().get(1).pagerDutyActions())
                    .extracting(PagerDutyAction::kind)
                    .containsOnly(PagerDutyAction.Kind.TRIGGER);
        } else if (resolved.contains(type)) {
            assertThat(plan.dispatches().get(1).pagerDutyActions())
                    .extracting(PagerDutyAction::kind)
                    .containsOnly(PagerDutyAction.Kind.RESOLVE);
        } else {
            assertThat(plan.dispatches()).hasSize(1);
        }
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void aRouteToPagerDutyForAnEventWithNoPagerDutyMeaningIsSkippedWithAReason() {
        RoutingRules rules = RoutingRules.defaults()
                .overriddenBy(
                        Map.of(
                                PlatformEventType.DeploymentAccepted,
                                new Route(EnumSet.of(Channel.PAGERDUTY), Severity.WARNING)),
                        null);

        DispatchPlanner.Plan plan =
                new DispatchPlanner(rules).plan(ofType(PlatformEventType.DeploymentAccepted, Severity.INFO));

        assertThat(plan.dispatches()).isEmpty();
        assertThat(plan.skipped()).singleElement().asString().contains("DeploymentAccepted neither pages nor resolves");
    }

    @Test
    void aRouteSeverityOverridesThePublishedOneAndAnEmptyRouteSilencesAType() {
        RoutingRules rules = RoutingRules.defaults()
                .overriddenBy(
                        Map.of(
                                PlatformEventType.RollbackCompleted,
                                        new Route(EnumSet.of(Channel.SLACK), Severity.WARNING),
                                PlatformEventType.DeploymentStarted, new Route(EnumSet.noneOf(Channel.class), null)),
                        null);
        DispatchPlanner planner = new DispatchPlanner(rules);

        PlatformEvent completed = ofType(PlatformEventType.RollbackCompleted, Severity.INFO);
        assertThat(planner.plan(completed).dispatches())
                .singleElement()
                .extracting(Dispatch::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(planner.plan(ofType(PlatformEventType.DeploymentStarted, Severity.INFO))
                        .dispatches())
                .isEmpty();
    }
}
