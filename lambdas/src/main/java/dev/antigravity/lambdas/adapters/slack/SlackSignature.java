package dev.antigravity.lambdas.adapters.slack;

import dev.antigravity.lambdas.adapters.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing: {@code X-Slack-Signature} is {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<raw
 * body>} under the app's signing secret; {@code X-Slack-Request-Timestamp} more than five minutes from now is
 * refused, so a captured request cannot be replayed later. Hand-written over {@code javax.crypto} (a dozen lines):
 * Slack's Java SDK (com.slack.api:slack-app-backend) does the same but would bring its own HTTP and JSON stacks.
 */
public final class SlackSignature {
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    /** The verdict on one request; only VALID may act. */
    public enum Verdict {
        VALID,
        MISSING,
        MALFORMED,
        EXPIRED,
        FORGED;

        public String explanation() {
            return switch (this) {
                case VALID -> "signature verified";
                case MISSING -> "X-Slack-Signature and X-Slack-Request-Timestamp are required";
                case MALFORMED -> "X-Slack-Request-Timestamp is not a number of seconds";
                case EXPIRED -> "request timestamp is more than five minutes away from now (replayed or delayed)";
                case FORGED -> "signature does not match the body (not signed by Slack with our signing secret)";
            };
        }
    }

    private SlackSignature() {}

    public static Verdict verify(String timestamp, String signature, String body, Secret signingSecret, Instant now) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_AGE.toSeconds()) {
            return Verdict.EXPIRED;
        }
        byte[] expected = sign(signingSecret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        // Constant time: a byte-by-byte early exit would let a caller find a valid signature one byte at a time.
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))
                ? Verdict.VALID
                : Verdict.FORGED;
    }

    /** {@code v0=<hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)>}; public for tests that play Slack. */
    public static String sign(Secret signingSecret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((VERSION + ":" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
