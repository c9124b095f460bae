package dev.antigravity.lambdas.adapters.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.platform.CanaryEvidence;
import java.util.Locale;

/**
 * A CanaryJudged event's figures as one Block Kit section: a section's fields render in two columns, so the old
 * revision's figures sit on the left and the new one's on the right, metric by metric, under the verdict.
 */
final class CanaryFiguresBlock {
    private CanaryFiguresBlock() {}

    static ObjectNode of(ObjectMapper mapper, CanaryEvidence canary) {
        ObjectNode section = mapper.createObjectNode().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", SlackMessageFormatter.escape(verdictLine(canary)));
        ArrayNode fields = section.putArray("fields");
        fields.add(mrkdwn(mapper, "*Old* " + revision(canary.baselineRevision())));
        fields.add(mrkdwn(mapper, "*New* " + revision(canary.canaryRevision())));
        for (CanaryEvidence.Metric metric : canary.metrics()) {
            boolean errors = "ERROR_RATE".equals(metric.name());
            String label = errors ? "5xx rate" : "latency (median of per-minute)";
            String unit = errors ? " requests" : " minutes";
            fields.add(mrkdwn(
                    mapper,
                    "*" + label + "* " + figure(metric.baseline(), errors) + " over " + metric.baselineSamples()
                            + unit));
            fields.add(mrkdwn(
                    mapper,
                    "*" + label + "* " + figure(metric.canary(), errors) + " over "
                            + metric.canarySamples() + unit + " · " + metric.outcome()
                            + (metric.pValue() == null
                                    ? ""
                                    : String.format(Locale.ROOT, " (p=%.4f)", metric.pValue()))));
        }
        return section;
    }

    static String verdictLine(CanaryEvidence canary) {
        return "Canary " + canary.verdict()
                + (canary.score() == null ? "" : String.format(Locale.ROOT, ", score %.0f", canary.score()))
                + (canary.bothDegraded() ? " — both revisions degraded together, not the new revision's fault" : "")
                + " (" + canary.windowStart() + " – " + canary.windowEnd() + ")";
    }

    private static String figure(Double value, boolean errorRate) {
        if (value == null) {
            return "n/a";
        }
        return errorRate
                ? String.format(Locale.ROOT, "%.2f %%", value * 100)
                : String.format(Locale.ROOT, "%.0f ms", value * 1000);
    }

    private static String revision(String serviceRevisionArn) {
        return SlackMessageFormatter.escape(SlackMessageFormatter.shortRevision(serviceRevisionArn));
    }

    private static ObjectNode mrkdwn(ObjectMapper mapper, String text) {
        return mapper.createObjectNode()
                .put("type", "mrkdwn")
                .put("text", SlackMessageFormatter.fit(text, SlackMessageFormatter.FIELD_LIMIT));
    }
}
