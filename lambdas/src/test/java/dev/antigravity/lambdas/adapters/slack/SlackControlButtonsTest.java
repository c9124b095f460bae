package dev.antigravity.lambdas.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import dev.antigravity.lambdas.notifyfixtures.PlatformEventFixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message about a deployment in flight carries the controls; the buttons' values are what a click parses. */
class SlackControlButtonsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> controls(PlatformEventType type) throws IOException {
        PlatformEvent event = PlatformEventFixtures.ofType(type, Severity.INFO);
        JsonNode message = JSON.readTree(new SlackMessageFormatter(JSON, "us-east-1")
                .format(new Dispatch(Channel.SLACK, event, Severity.INFO, null)));
        List<JsonNode> buttons = new ArrayList<>();
        message.findValues("elements")
                .forEach(elements -> elements.forEach(e -> {
                    if (e.has("action_id")) {
                        buttons.add(e);
                    }
                }));
        return buttons;
    }

    private static List<String> ids(List<JsonNode> buttons) {
        return buttons.stream().map(b -> b.get("action_id").asText()).toList();
    }

    @Test
    void aBakingDeploymentCarriesEveryControl() throws IOException {
        List<JsonNode> buttons = controls(PlatformEventType.DeploymentVerified);

        assertThat(ids(buttons)).containsExactly("rollback", "promote", "freeze", "resume");
        JsonNode rollback = buttons.getFirst();
        assertThat(rollback.get("text").get("text").asText()).isEqualTo("Roll back now");
        assertThat(rollback.get("style").asText()).isEqualTo("danger");
        assertThat(rollback.has("confirm")).isTrue();
        PlatformEvent event = PlatformEventFixtures.ofType(PlatformEventType.DeploymentVerified, Severity.INFO);
        assertThat(rollback.get("value").asText())
                .isEqualTo(event.cluster() + "/" + event.service() + "|" + event.deploymentId());
    }

    @Test
    void aDeploymentStillRollingOutCanBeRolledBackButNotPromoted() throws IOException {
        assertThat(ids(controls(PlatformEventType.DeploymentAccepted))).containsExactly("rollback", "freeze", "resume");
        assertThat(ids(controls(PlatformEventType.DeploymentStarted))).containsExactly("rollback", "freeze", "resume");
    }

    @Test
    void aSuspensionOffersResumeAndASettledDeploymentNoControls() throws IOException {
        assertThat(ids(controls(PlatformEventType.AutomationSuspended))).containsExactly("resume");
        assertThat(ids(controls(PlatformEventType.DeploymentStable))).isEmpty();
        assertThat(ids(controls(PlatformEventType.RollbackStarted))).isEmpty();
    }
}
