package dev.antigravity.lambdas.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.platform.TimelineKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeploymentTest {
    static final ServiceRef API = new ServiceRef("prod", "api");
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    static Deployment pending() {
        return Deployment.accepted(
                API,
                "arn:aws:ecs:us-east-1:1:task-definition/api:7",
                "arn:aws:ecs:us-east-1:1:task-definition/api:6",
                "arn:aws:ecs:us-east-1:1:task-definition/api:6",
                new ImageRef("antigravity/api", "sha256:aa", "sha-3f2a9c1"),
                T0.minusSeconds(5),
                T0,
                "pushed");
    }

    @Test
    void idIsFamilyAndRevision() {
        assertThat(pending().deploymentId()).isEqualTo("api:7");
        assertThat(Deployment.idOf("api:3")).isEqualTo("api:3");
    }

    @Test
    void transitionsStampTheTimelineOnceAndBumpTheVersion() {
        Deployment started = pending()
                .on(DeploymentEvent.ECS_IN_PROGRESS, T0.plusSeconds(10), "ecs")
                .orElseThrow();
        Deployment verifying = started.on(DeploymentEvent.ECS_COMPLETED, T0.plusSeconds(60), "ecs")
                .orElseThrow();
        Deployment resumed = verifying
                .on(DeploymentEvent.ECS_COMPLETED, T0.plusSeconds(90), "retry")
                .orElseThrow();

        assertThat(started.state()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(started.version()).isEqualTo(1);
        assertThat(resumed.at(TimelineKey.completedAt)).contains(T0.plusSeconds(60));
        assertThat(resumed.at(TimelineKey.imagePushedAt)).contains(T0.minusSeconds(5));
        assertThat(resumed.at(TimelineKey.startedAt)).contains(T0.plusSeconds(10));
        assertThat(resumed.version()).isEqualTo(3);
    }

    @Test
    void ignoredEventsLeaveNoNewRecord() {
        Deployment stable = pending()
                .on(DeploymentEvent.ECS_COMPLETED, T0, "c")
                .orElseThrow()
                .on(DeploymentEvent.VERIFICATION_PASSED, T0, "v")
                .orElseThrow()
                .on(DeploymentEvent.BAKE_ELAPSED, T0, "b")
                .orElseThrow();
        assertThat(stable.state()).isEqualTo(DeploymentState.STABLE);
        assertThat(stable.on(DeploymentEvent.GUARD_ALARM, T0, "late alarm")).isEmpty();
        assertThat(stable.on(DeploymentEvent.ECS_IN_PROGRESS, T0, "late")).isEmpty();
    }

    @Test
    void serviceRefFromArn() {
        assertThat(ServiceRef.fromArn("arn:aws:ecs:us-west-2:111122223333:service/default/servicetest"))
                .contains(new ServiceRef("default", "servicetest"));
        assertThat(ServiceRef.fromArn("arn:aws:ecs:us-west-2:111122223333:service/servicetest"))
                .isEmpty();
        assertThat(ServiceRef.fromArn(null)).isEmpty();
    }
}
