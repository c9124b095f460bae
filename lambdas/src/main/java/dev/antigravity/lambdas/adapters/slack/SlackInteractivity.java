package dev.antigravity.lambdas.adapters.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.adapters.secrets.SecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretUnavailableException;
import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.domain.control.ControlPermissions;
import dev.antigravity.lambdas.domain.control.ControlRequest;
import dev.antigravity.lambdas.domain.control.Operator;
import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Slack's interactivity requests (the buttons of a deployment message), in the order that keeps a bad request from
 * changing anything: the signature and its age ({@link SlackSignature}), then the replay mark (each signature acts
 * once: a captured request re-sent inside the five minutes finds its mark), then the click itself, then the
 * clicker's permission for that action; only then the use case ({@link OperatorControls}, the automation's own),
 * whose outcome is announced in the message's thread.
 */
public final class SlackInteractivity {
    public static final String HANDLER = "SlackInteractivityHandler";
    /** Longer than the signature's five minutes: once the mark expires, the timestamp has too. */
    static final Duration REPLAY_MEMORY = Duration.ofMinutes(10);

    private static final Log LOG = Log.of(SlackInteractivity.class);

    private final SecretSource secrets;
    private final String signingSecretId;
    private final LedgerPort ledger;
    private final ControlPermissions permissions;
    private final OperatorControls controls;
    private final SlackThreadReply reply;
    private final ObjectMapper json;
    private final Clock clock;

    public SlackInteractivity(
            SecretSource secrets,
            String signingSecretId,
            LedgerPort ledger,
            ControlPermissions permissions,
            OperatorControls controls,
            SlackThreadReply reply,
            ObjectMapper json,
            Clock clock) {
        this.secrets = secrets;
        this.signingSecretId = signingSecretId;
        this.ledger = ledger;
        this.permissions = permissions;
        this.controls = controls;
        this.reply = reply;
        this.json = json;
        this.clock = clock;
    }

    /** What the function URL answers: the HTTP status and a sentence for the person (or the attacker's log). */
    public record Answer(int status, String text) {}

    /** @param headers lower-case header names (a function URL's), {@code body} the raw body as Slack signed it */
    public Answer handle(Map<String, String> headers, String body) {
        Instant now = clock.instant();
        SlackSignature.Verdict verdict;
        try {
            verdict = SlackSignature.verify(
                    headers.get("x-slack-request-timestamp"),
                    headers.get("x-slack-signature"),
                    body,
                    secrets.get(signingSecretId),
                    now);
        } catch (SecretUnavailableException e) {
            LOG.error("cannot read the Slack signing secret; refusing the request", e);
            return new Answer(503, "cannot verify Slack requests right now; nothing was done");
        }
        if (verdict != SlackSignature.Verdict.VALID) {
            LOG.warn("refused a Slack request", "verdict", verdict);
            return new Answer(401, "refused: " + verdict.explanation() + "; nothing was done");
        }
        if (!ledger.markProcessed(
                "SLACK#" + headers.get("x-slack-signature").trim(), HANDLER, now.plus(REPLAY_MEMORY))) {
            LOG.warn("refused a replayed Slack request");
            return new Answer(409, "refused: this signed request was already handled (replayed); nothing was done");
        }
        SlackInteraction click;
        try {
            click = SlackInteraction.parse(body, json);
        } catch (SlackInteraction.Unreadable e) {
            LOG.warn("refused an unreadable Slack request", "reason", e.getMessage());
            return new Answer(400, "refused: " + e.getMessage() + "; nothing was done");
        }
        if (!permissions.allows(click.action(), click.userId())) {
            String text = "You are not allowed to " + click.action().label().toLowerCase(java.util.Locale.ROOT)
                    + " (" + click.action().id() + "); nothing was done. Ask for your Slack id " + click.userId()
                    + " to be added to the allowed users.";
            LOG.warn(
                    "refused an unauthorised Slack action",
                    "user",
                    click.userId(),
                    "action",
                    click.action().id());
            reply.tellClicker(click, text);
            return new Answer(403, text);
        }
        Outcome outcome;
        try {
            outcome = controls.act(new ControlRequest(
                    click.action(),
                    click.service(),
                    click.deploymentId(),
                    new Operator("slack", click.userId(), click.userName()),
                    click.actionTs() == null ? String.valueOf(now.toEpochMilli()) : click.actionTs(),
                    null));
        } catch (RuntimeException e) { // ServiceBusy, ECS or DynamoDB failing: say so, the click can be repeated
            LOG.error(
                    "operator action failed",
                    e,
                    "user",
                    click.userId(),
                    "action",
                    click.action().id());
            String text = click.action().label() + " on " + click.service().key() + " failed ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); click again in a moment";
            reply.tellClicker(click, text);
            return new Answer(503, text);
        }
        LOG.info(
                "operator action",
                "user",
                click.userId(),
                "action",
                click.action().id(),
                "service",
                click.service().key(),
                "result",
                outcome.result(),
                "reason",
                outcome.reason());
        String text = announcement(click, outcome);
        reply.announce(click, text);
        return new Answer(200, text);
    }

    static String announcement(SlackInteraction click, Outcome outcome) {
        String who = "<@" + click.userId() + ">";
        String what = click.action().label() + " on " + click.service().key()
                + (outcome.deploymentId() == null ? "" : " " + outcome.deploymentId());
        return switch (outcome.result()) {
            case APPLIED ->
                ":white_check_mark: " + who + " — " + what + ": " + outcome.reason()
                        + (outcome.state() == null ? "" : " (now " + outcome.state() + ")");
            case REJECTED -> ":x: " + who + " — " + what + " refused: " + outcome.reason();
            default -> ":information_source: " + who + " — " + what + ": nothing to do, " + outcome.reason();
        };
    }
}
