package dev.antigravity.lambdas.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.events.EventResources;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CanaryJudged in Slack: the old revision's figures on the left, the new one's on the right, under the verdict. */
class CanaryFiguresBlockTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTwoRevisionsFiguresSideBySide() throws Exception {
        PlatformEvent event = new EventCodec()
                .decodePlatformEvent(EventResources.sample("platform-canary-judged-failed.json")
                        .json());

        JsonNode message = JSON.readTree(new SlackMessageFormatter(JSON, "us-east-1")
                .format(new Dispatch(Channel.SLACK, event, Severity.WARNING, null)));

        JsonNode figures = null;
        for (JsonNode block : message.at("/attachments/0/blocks")) {
            if (block.path("text").path("text").asText().startsWith("Canary ")) {
                figures = block;
            }
        }
        assertThat(figures).as("the canary block").isNotNull();
        assertThat(figures.at("/text/text").asText())
                .isEqualTo("Canary FAIL, score 50 (2026-11-26T10:02:00Z – 2026-11-26T10:12:00Z)");
        List<String> fields = new ArrayList<>();
        figures.get("fields").forEach(field -> fields.add(field.get("text").asText()));
        assertThat(fields)
                .containsExactly(
                        "*Old* 1111111111111111111",
                        "*New* 2222222222222222222",
                        "*5xx rate* 1.00 % over 20000 requests",
                        "*5xx rate* 2.00 % over 3000 requests · FAIL (p=0.0000)",
                        "*latency (median of per-minute)* 121 ms over 10 minutes",
                        "*latency (median of per-minute)* 124 ms over 10 minutes · PASS (p=0.4100)");
        assertThat(message.get("text").asText()).startsWith("[WARNING] CanaryJudged: api in prod");
    }

    @Test
    void otherEventsHaveNoCanaryBlock() throws Exception {
        PlatformEvent event = new EventCodec()
                .decodePlatformEvent(
                        EventResources.sample("platform-rollback-started.json").json());

        String message = new SlackMessageFormatter(JSON, "us-east-1")
                .format(new Dispatch(Channel.SLACK, event, Severity.CRITICAL, null));

        assertThat(message).doesNotContain("Canary ");
    }
}
