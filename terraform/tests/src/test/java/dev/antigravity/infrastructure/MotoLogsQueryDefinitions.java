package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudWatch Logs Insights saved queries (Put/Describe/DeleteQueryDefinition), which moto 5.2 does
 * not implement, kept in memory for {@link MotoProtocolTranslator}: the provider's
 * aws_cloudwatch_query_definition creates one and reads it back by name prefix and id. Every other
 * Logs action goes on to moto.
 */
final class MotoLogsQueryDefinitions {

    static final String TARGET_PREFIX = "Logs_20140328.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> definitions = new ConcurrentHashMap<>();

    /** The JSON answer to a Logs operation, or empty when moto should answer it. */
    Optional<JsonNode> answer(String operation, JsonNode input) {
        return switch (operation) {
            case "PutQueryDefinition" -> Optional.of(put(input));
            case "DescribeQueryDefinitions" ->
                Optional.of(describe(input.path("queryDefinitionNamePrefix").asText("")));
            case "DeleteQueryDefinition" -> {
                boolean deleted =
                        definitions.remove(input.path("queryDefinitionId").asText()) != null;
                yield Optional.of(JSON.createObjectNode().put("success", deleted));
            }
            default -> Optional.empty();
        };
    }

    private JsonNode put(JsonNode input) {
        String id = input.hasNonNull("queryDefinitionId")
                ? input.path("queryDefinitionId").asText()
                : UUID.randomUUID().toString();
        ObjectNode definition = JSON.createObjectNode()
                .put("queryDefinitionId", id)
                .put("name", input.path("name").asText())
                .put("queryString", input.path("queryString").asText())
                .put("lastModified", System.currentTimeMillis());
        definition.set(
                "logGroupNames",
                input.path("logGroupNames").isArray()
                        ? input.path("logGroupNames").deepCopy()
                        : JSON.createArrayNode());
        definitions.put(id, definition);
        return JSON.createObjectNode().put("queryDefinitionId", id);
    }

    private JsonNode describe(String namePrefix) {
        ArrayNode matching = JSON.createArrayNode();
        definitions.values().stream()
                .filter(definition -> definition.path("name").asText().startsWith(namePrefix))
                .forEach(matching::add);
        ObjectNode output = JSON.createObjectNode();
        output.set("queryDefinitions", matching);
        return output;
    }
}
