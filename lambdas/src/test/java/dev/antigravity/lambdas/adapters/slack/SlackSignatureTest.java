package dev.antigravity.lambdas.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.adapters.secrets.Secret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack), checked both ways. */
class SlackSignatureTest {
    // Slack's documented example: the signing secret, timestamp, body and the signature they produce.
    private static final Secret SECRET = new Secret("8f742231b10e8888abcd99yyyzzz85a5");
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
            + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
            + "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGl"
            + "fmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618);

    @Test
    void slacksDocumentedExampleVerifies() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(SlackSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.plusSeconds(30)))
                .isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void aChangedBodyOrAnotherSecretIsForged() {
        assertThat(SlackSignature.verify(TIMESTAMP, SIGNATURE, BODY + "&x=1", SECRET, THEN))
                .isEqualTo(SlackSignature.Verdict.FORGED);
        assertThat(SlackSignature.verify(TIMESTAMP, SIGNATURE, BODY, new Secret("another"), THEN))
                .isEqualTo(SlackSignature.Verdict.FORGED);
        assertThat(SlackSignature.verify(TIMESTAMP, "v1=" + SIGNATURE.substring(3), BODY, SECRET, THEN))
                .isEqualTo(SlackSignature.Verdict.FORGED);
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsExpiredEvenWithAValidSignature() {
        assertThat(SlackSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.plusSeconds(301)))
                .isEqualTo(SlackSignature.Verdict.EXPIRED);
        assertThat(SlackSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.minusSeconds(301)))
                .isEqualTo(SlackSignature.Verdict.EXPIRED);
        assertThat(SlackSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.plusSeconds(300)))
                .isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(SlackSignature.verify(null, SIGNATURE, BODY, SECRET, THEN))
                .isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(SlackSignature.verify(TIMESTAMP, null, BODY, SECRET, THEN))
                .isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(SlackSignature.verify("soon", SIGNATURE, BODY, SECRET, THEN))
                .isEqualTo(SlackSignature.Verdict.MALFORMED);
    }
}
