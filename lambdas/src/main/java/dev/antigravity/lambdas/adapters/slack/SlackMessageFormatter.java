package dev.antigravity.lambdas.adapters.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.platform.PlatformEventType;
import dev.antigravity.events.platform.Severity;
import dev.antigravity.lambdas.domain.control.ControlAction;
import dev.antigravity.lambdas.domain.notification.ConsoleLinks;
import dev.antigravity.lambdas.domain.notification.Dispatch;
import java.util.List;

/**
 * Renders a platform event as a Slack incoming-webhook message: a {@code text} fallback (what notifications and
 * screen readers show), a headline block, and an attachment coloured by severity holding the details and the
 * console buttons (Block Kit has no colour of its own; the attachment bar carries it).
 */
public final class SlackMessageFormatter {
    /** Block Kit limits: 3,000 characters for a section's text, 2,000 for a field; longer is rejected (400). */
    static final int SECTION_LIMIT = 3_000;

    static final int FIELD_LIMIT = 2_000;

    private final ObjectMapper mapper;
    private final String defaultRegion;

    public SlackMessageFormatter(ObjectMapper mapper, String defaultRegion) {
        this.mapper = mapper;
        this.defaultRegion = defaultRegion;
    }

    public String format(Dispatch dispatch) {
        PlatformEvent event = dispatch.event();
        ObjectNode message = mapper.createObjectNode();
        message.put("text", fallbackText(event, dispatch.severity()));
        message.putArray("blocks")
                .add(section(mrkdwn(emoji(dispatch.severity()) + " *" + escape(headline(event)) + "*")));
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", colour(dispatch.severity()));
        ArrayNode blocks = attachment.putArray("blocks");
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        fields.add(field("Service", event.cluster() + "/" + event.service()));
        fields.add(field("Environment", event.environment()));
        fields.add(field("Version", orDash(event.version())));
        fields.add(field("Revision", revisionChange(event)));
        if (event.alarmName() != null) {
            fields.add(field("Alarm", event.alarmName()));
        }
        fields.add(field("Severity", dispatch.severity().name()));
        blocks.add(section(mrkdwn(fit("*Reason*\n" + escape(event.reason()), SECTION_LIMIT))));
        if (event.canary() != null) {
            blocks.add(CanaryFiguresBlock.of(mapper, event.canary()));
        }
        blocks.add(buttons(event));
        List<ControlAction> controls = controlsFor(event.type());
        if (!controls.isEmpty()) {
            blocks.add(controls(event, controls));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements")
                .add(mrkdwn("event `" + escape(event.eventId()) + "`"
                        + (event.deploymentId() == null ? "" : " · deployment `" + escape(event.deploymentId()) + "`")
                        + " · <!date^" + event.occurredAt().getEpochSecond() + "^{date_short_pretty} {time_secs}|"
                        + event.occurredAt() + ">"));
        return message.toString();
    }

    static String headline(PlatformEvent event) {
        return event.type() + ": " + event.service() + " in " + event.environment();
    }

    static String fallbackText(PlatformEvent event, Severity severity) {
        return "[" + severity + "] " + headline(event) + " (" + revisionChange(event) + ", version "
                + orDash(event.version()) + "): " + event.reason();
    }

    static String revisionChange(PlatformEvent event) {
        if (event.fromRevision() == null && event.toRevision() == null) {
            return "–";
        }
        return shortRevision(event.fromRevision()) + " → " + shortRevision(event.toRevision());
    }

    /** {@code arn:aws:ecs:…:task-definition/api:7} → {@code api:7}. */
    static String shortRevision(String revisionArn) {
        if (revisionArn == null) {
            return "?";
        }
        int slash = revisionArn.lastIndexOf('/');
        return slash < 0 ? revisionArn : revisionArn.substring(slash + 1);
    }

    static String colour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "#D40E0D";
            case WARNING -> "#F2C744";
            case INFO -> "#2EB67D";
        };
    }

    private static String emoji(Severity severity) {
        return switch (severity) {
            case CRITICAL -> ":rotating_light:";
            case WARNING -> ":warning:";
            case INFO -> ":white_check_mark:";
        };
    }

    private ObjectNode buttons(PlatformEvent event) {
        String region = regionFor(event);
        ObjectNode actions = mapper.createObjectNode().put("type", "actions");
        ArrayNode elements = actions.putArray("elements");
        elements.add(button("ECS service", ConsoleLinks.ecsService(region, event.cluster(), event.service())));
        if (event.alarmName() != null) {
            elements.add(button("CloudWatch alarm", ConsoleLinks.cloudWatchAlarm(region, event.alarmName())));
        }
        return actions;
    }

    /**
     * The controls a message offers (handled by the interactivity function, SlackInteractivity): a deployment in
     * flight can be rolled back, one baking promoted, and deployments frozen or resumed; a suspension or a skipped
     * push offers Resume. Settled deployments and rollbacks offer none: there is nothing left to act on.
     */
    static List<ControlAction> controlsFor(PlatformEventType type) {
        return switch (type) {
            case DeploymentAccepted, DeploymentStarted ->
                List.of(ControlAction.ROLLBACK, ControlAction.FREEZE, ControlAction.RESUME);
            case DeploymentVerified -> List.of(ControlAction.values());
            case AutomationSuspended, DeploymentSkipped -> List.of(ControlAction.RESUME);
            default -> List.of();
        };
    }

    private ObjectNode controls(PlatformEvent event, List<ControlAction> controls) {
        ObjectNode actions = mapper.createObjectNode().put("type", "actions");
        ArrayNode elements = actions.putArray("elements");
        String value = SlackInteraction.buttonValue(event.cluster() + "/" + event.service(), event.deploymentId());
        for (ControlAction control : controls) {
            ObjectNode button = elements.addObject()
                    .put("type", "button")
                    .put("action_id", control.id())
                    .put("value", value);
            button.putObject("text").put("type", "plain_text").put("text", control.label());
            if (control == ControlAction.ROLLBACK) {
                button.put("style", "danger");
                ObjectNode confirm = button.putObject("confirm");
                confirm.putObject("title").put("type", "plain_text").put("text", "Roll back now?");
                confirm.set(
                        "text",
                        mrkdwn("Roll " + escape(event.service()) + " back from " + escape(orDash(event.deploymentId()))
                                + " to its last stable revision."));
                confirm.putObject("confirm").put("type", "plain_text").put("text", "Roll back");
                confirm.putObject("deny").put("type", "plain_text").put("text", "Cancel");
                confirm.put("style", "danger");
            } else if (control == ControlAction.PROMOTE) {
                button.put("style", "primary");
            }
        }
        return actions;
    }

    private String regionFor(PlatformEvent event) {
        String fromArn = ConsoleLinks.regionOf(event.toRevision() != null ? event.toRevision() : event.fromRevision());
        return fromArn != null ? fromArn : defaultRegion;
    }

    private ObjectNode button(String label, String url) {
        ObjectNode button = mapper.createObjectNode().put("type", "button");
        button.putObject("text").put("type", "plain_text").put("text", label);
        return button.put("url", url);
    }

    private ObjectNode section(ObjectNode text) {
        ObjectNode section = mapper.createObjectNode().put("type", "section");
        section.set("text", text);
        return section;
    }

    private ObjectNode field(String label, String value) {
        return mrkdwn(fit("*" + label + "*\n" + escape(value), FIELD_LIMIT));
    }

    /** Cut to Slack's limit rather than have the whole message rejected. */
    static String fit(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private ObjectNode mrkdwn(String text) {
        return mapper.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    /** Slack mrkdwn control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
