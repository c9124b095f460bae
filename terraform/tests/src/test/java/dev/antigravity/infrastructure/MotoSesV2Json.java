package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * moto 5.2's SES v2 answers, made decodable by the AWS SDK for Go (restJson1), for {@link MotoProtocolTranslator}:
 * <ul>
 * <li>timestamps come as ISO-8601 strings, the protocol's are epoch seconds (members from the service model);</li>
 * <li>a configuration set's SendingOptions.SendingEnabled comes as the object the client sent (or {}), not the
 * boolean: SES sends unless told otherwise;</li>
 * <li>an identity signed with Easy DKIM comes without its three DKIM tokens, which SES generates and the DNS
 * records are made of: three are derived from the identity's name, the same on every read.</li>
 * </ul>
 */
final class MotoSesV2Json {

    /** SES v2 output members of type timestamp (from the service model). */
    private static final Set<String> TIMESTAMPS = Set.of(
            "AssociatedTimestamp",
            "CompletedTimestamp",
            "CreateDate",
            "CreatedTimestamp",
            "EndDate",
            "FirstSeenDateTime",
            "LastCheckedTimestamp",
            "LastFreshStart",
            "LastKeyGenerationTimestamp",
            "LastSeenDateTime",
            "LastSuccessTimestamp",
            "LastUpdateTime",
            "LastUpdatedTimestamp",
            "ListingTime",
            "StartDate",
            "SubscriptionExpiryDate",
            "SubscriptionStartDate",
            "Timestamp");

    private static final int EASY_DKIM_TOKENS = 3;

    private MotoSesV2Json() {}

    /** 32 lowercase hex characters, as SES's tokens look, fixed by the identity and the token's number. */
    private static String token(String identity, int number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identity + "#" + number).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Repairs {@code answer} in place, the answer about {@code identity} if it names one; returns it. */
    static JsonNode repair(JsonNode answer, Optional<String> identity) {
        JsonNode dkim = answer.path("DkimAttributes");
        if (identity.isPresent()
                && dkim instanceof ObjectNode attributes
                && "AWS_SES".equals(dkim.path("SigningAttributesOrigin").asText())
                && dkim.path("Tokens").isEmpty()) {
            ArrayNode tokens = attributes.putArray("Tokens");
            for (int token = 1; token <= EASY_DKIM_TOKENS; token++) {
                tokens.add(token(identity.get(), token));
            }
        }
        JsonNode sending = answer.path("SendingOptions").path("SendingEnabled");
        if (sending.isObject()) {
            ((ObjectNode) answer.path("SendingOptions"))
                    .put("SendingEnabled", sending.path("SendingEnabled").asBoolean(true));
        }
        epochSeconds(answer);
        return answer;
    }

    private static void epochSeconds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                Optional<Instant> instant = TIMESTAMPS.contains(field.getKey()) && value.isTextual()
                        ? instant(value.asText())
                        : Optional.empty();
                if (instant.isPresent()) {
                    object.put(field.getKey(), instant.get().toEpochMilli() / 1000.0);
                } else {
                    epochSeconds(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(MotoSesV2Json::epochSeconds);
        }
    }

    /** moto writes "2026-12-01T09:25:54.699410", with or without an offset, sometimes with a space for the T. */
    private static Optional<Instant> instant(String text) {
        String iso = text.replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException noOffset) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notATimestamp) {
                return Optional.empty();
            }
        }
    }
}
