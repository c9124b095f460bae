package dev.antigravity.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.config.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void oneJsonObjectPerLineWithTimestampLevelLoggerAndMessage() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "disk {0} is {1}% full");
        record.setLoggerName("ops");
        record.setParameters(new Object[] {"/data", 93});
        String line = formatter.format(record);
        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        JsonNode json = Json.mapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARNING");
        assertThat(json.get("logger").asText()).isEqualTo("ops");
        assertThat(json.get("message").asText()).isEqualTo("disk /data is 93% full");
        assertThat(json.get("timestamp").asText()).endsWith("Z");
        assertThat(json.has("correlation_id")).isFalse();
    }

    @Test
    void aFieldMapBecomesTopLevelFieldsAndErrorsCarryTheirStackTrace() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", 503);
        fields.put("subject", null);
        LogRecord record = new LogRecord(Level.SEVERE, "request with \"quotes\"\nand a newline");
        record.setParameters(new Object[] {fields});
        record.setThrown(new IllegalStateException("boom"));
        String line = formatter.format(record);
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = Json.mapper().readTree(line);
        assertThat(json.get("status").asInt()).isEqualTo(503);
        assertThat(json.get("subject").isNull()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("request with \"quotes\"\nand a newline");
        assertThat(json.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(json.get("stack_trace").asText()).contains("JsonLogFormatterTest");
    }
}
