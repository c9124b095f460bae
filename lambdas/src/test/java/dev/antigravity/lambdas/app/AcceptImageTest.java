package dev.antigravity.lambdas.app;

import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.DeploymentState;
import dev.antigravity.lambdas.domain.port.EcsPort.ContainerImage;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcceptImageTest {
    private final TestPlatform p = new TestPlatform();
    private final Instant at = TestPlatform.START;

    @Test
    void pushRegistersAPinnedRevisionUpdatesTheServiceAndRecordsPending() {
        Outcome outcome = p.acceptImage.handle(push("e1", digest(1), "sha-1111111", at));

        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        String revision = p.ecs.runningRevision(API);
        assertThat(revision).isNotEqualTo(p.baseline);
        ContainerImage image = p.ecs.revisions.get(revision);
        assertThat(image.image())
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/antigravity/api@" + digest(1));
        assertThat(image.environment()).containsEntry("APP_VERSION", "sha-1111111");
        Deployment record = p.ledger.find(API, Deployment.idOf(revision)).orElseThrow();
        assertThat(record.state()).isEqualTo(DeploymentState.PENDING);
        assertThat(record.rollbackTargetArn())
                .as("baseline predates the ledger")
                .isEqualTo(p.baseline);
        assertThat(record.previousRevisionArn()).isEqualTo(p.baseline);
        PlatformEvent accepted = p.publisher.published.getFirst();
        assertThat(accepted.type()).isEqualTo(PlatformEventType.DeploymentAccepted);
        assertThat(accepted.version()).isEqualTo("sha-1111111");
        assertThat(accepted.toRevision()).isEqualTo(revision);
    }

    @Test
    void theSamePushTwiceRegistersOneRevision() {
        p.acceptImage.handle(push("e1", digest(1), "sha-1111111", at));
        Outcome again = p.acceptImage.handle(push("e1", digest(1), "sha-1111111", at));
        Outcome sameDigestOtherEvent = p.acceptImage.handle(push("e2", digest(1), "1.0.0", at));

        assertThat(again.result()).isEqualTo(Outcome.Result.DUPLICATE);
        assertThat(sameDigestOtherEvent.result()).isEqualTo(Outcome.Result.SKIPPED);
        assertThat(sameDigestOtherEvent.reason()).contains("already accepted");
        assertThat(p.ecs.revisions).hasSize(2);
        assertThat(p.ecs.updates).hasSize(1);
    }

    @Test
    void aDigestAcceptedBeforeIsNotDeployedAgain() {
        p.acceptImage.handle(push("e1", digest(1), "sha-1111111", at));
        p.acceptImage.handle(push("e2", digest(2), "sha-2222222", at.plusSeconds(60)));
        Outcome replay = p.acceptImage.handle(push("e3", digest(1), "sha-1111111", at.plusSeconds(120)));

        assertThat(replay.result()).isEqualTo(Outcome.Result.SKIPPED);
        assertThat(replay.reason()).contains("already accepted");
    }

    @Test
    void ignoredTagsAndUnmanagedRepositoriesChangeNothing() {
        assertThat(p.acceptImage.handle(push("e1", digest(1), "latest", at)).result())
                .isEqualTo(Outcome.Result.IGNORED);
        assertThat(p.acceptImage.handle(push("e2", digest(1), null, at)).reason())
                .contains("without a tag");
        var unmanaged = new dev.antigravity.events.aws.EcrImageAction(
                push("e3", digest(1), "sha-1111111", at).envelope(),
                "SUCCESS",
                "PUSH",
                "someone-else/worker",
                digest(1),
                "sha-1111111");
        assertThat(p.acceptImage.handle(unmanaged).reason()).contains("feeds no managed service");
        var delete = new dev.antigravity.events.aws.EcrImageAction(
                push("e4", digest(1), "sha-1111111", at).envelope(),
                "SUCCESS",
                "DELETE",
                "antigravity/api",
                digest(1),
                "sha-1111111");
        assertThat(p.acceptImage.handle(delete).result()).isEqualTo(Outcome.Result.IGNORED);

        assertThat(p.ecs.revisions).hasSize(1);
        assertThat(p.ecs.updates).isEmpty();
        assertThat(p.publisher.published).isEmpty();
    }

    @Test
    void aFreezeSkipsWithAPlatformEvent() {
        p.freeze.reason = "deployments frozen by /antigravity/prod/freeze";
        Outcome outcome = p.acceptImage.handle(push("e1", digest(1), "sha-1111111", at));

        assertThat(outcome.result()).isEqualTo(Outcome.Result.SKIPPED);
        assertThat(p.ecs.updates).isEmpty();
        assertThat(p.publisher.types()).containsExactly("DeploymentSkipped");
        assertThat(p.publisher.published.getFirst().reason()).contains("frozen");
    }

    @Test
    void suspendedAutomationSkipsWithAPlatformEvent() {
        p.ledger.suspend(API, "too many rollbacks", at);
        assertThat(p.acceptImage
                        .handle(push("e1", digest(1), "sha-1111111", at))
                        .result())
                .isEqualTo(Outcome.Result.SKIPPED);
        assertThat(p.ecs.updates).isEmpty();
        assertThat(p.publisher.types()).containsExactly("DeploymentSkipped");
    }

    @Test
    void aNewerPushSupersedesTheDeploymentInFlightAndKeepsTheStableTarget() {
        p.acceptImage.handle(push("e1", digest(1), "sha-1111111", at));
        String first = p.ecs.runningRevision(API);
        p.clock.advance(java.time.Duration.ofMinutes(1));
        p.acceptImage.handle(push("e2", digest(2), "sha-2222222", at.plusSeconds(60)));
        String second = p.ecs.runningRevision(API);

        assertThat(p.ledger.find(API, Deployment.idOf(first)).orElseThrow().state())
                .isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(p.ledger.find(API, Deployment.idOf(second)).orElseThrow().rollbackTargetArn())
                .isEqualTo(p.baseline);
        assertThat(p.publisher.types())
                .containsExactly("DeploymentAccepted", "DeploymentSuperseded", "DeploymentAccepted");
    }
}
