package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * moto 5.2's SES v2 answers, made decodable by the AWS SDK for Go (restJson1), for {@link MotoProtocolTranslator}:
 * <ul>
 * <li>timestamps come as ISO-8601 strings, the protocol's are epoch seconds (members from the service model);</li>
 * <li>a configuration set's SendingOptions.SendingEnabled comes as the object the client sent (or {}), not the
 * boolean: SES sends unless told otherwise.</li>
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

    private MotoSesV2Json() {}

    /** Repairs {@code answer} in place; returns it. */
    static JsonNode repair(JsonNode answer) {
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
