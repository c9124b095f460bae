package dev.antigravity.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.api.config.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The fields are written by hand for speed; the line must be exactly what the mapper would write. */
    @Test
    void theLineIsExactlyWhatTheMapperWouldWriteForEveryKindOfValue() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "é \"quoted\" \u2028 tab\t");
        fields.put("int", 503);
        fields.put("long", 12_345_678_901L);
        fields.put("double", 0.25);
        fields.put("bool", true);
        fields.put("none", null);
        fields.put("decimal", new BigDecimal("19.90"));
        fields.put("instant", Instant.parse("2026-11-30T12:00:00Z"));
        fields.put("list", List.of(1, "two"));
        fields.put("nested", Map.of("k", 1.5));
        LogRecord record = new LogRecord(Level.INFO, "request");
        record.setLoggerName("dev.antigravity.api.access");
        record.setParameters(new Object[] {fields});

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        expected.put("level", "INFO");
        expected.put("logger", "dev.antigravity.api.access");
        expected.put("message", "request");
        expected.putAll(fields);
        assertThat(formatter.format(record))
                .isEqualTo(Json.mapper().writeValueAsString(expected) + System.lineSeparator());
    }

    /** Field by field, the line keeps what the map it replaced did: a field of the map wins in the line's own place. */
    @Test
    void aMapFieldNamedLikeOneOfTheLinesOwnReplacesItsValueInPlace() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", 200);
        fields.put("message", "from the map");
        fields.put("error", "the map's error");
        fields.put("correlation_id", "map-id");
        fields.put("trace_id", "map-trace");
        LogRecord record = new LogRecord(Level.WARNING, "request");
        record.setLoggerName("dev.antigravity.api.access");
        record.setParameters(new Object[] {fields});
        record.setThrown(new IllegalStateException("boom"));

        String line = ScopedValue.where(LogContext.CORRELATION_ID, "bound-id").call(() -> formatter.format(record));

        JsonNode json = Json.mapper().readTree(line);
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "timestamp",
                        "level",
                        "logger",
                        "message",
                        "correlation_id",
                        "status",
                        "error",
                        "trace_id",
                        "stack_trace");
        assertThat(json.get("message").asText()).isEqualTo("from the map");
        assertThat(json.get("correlation_id").asText()).isEqualTo("map-id");
        assertThat(json.get("trace_id").asText()).isEqualTo("map-trace"); // no span here: the map's field
        assertThat(json.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void theTimestampIsTheInstantsOwnText() {
        for (long millis : new long[] {
            0L,
            1L,
            10L,
            999L,
            1_000L,
            1_764_500_000_000L,
            1_764_500_000_120L,
            1_764_500_000_007L,
            -1L,
            -1_001L,
            253_402_300_799_999L,
            253_402_300_800_000L
        }) {
            assertThat(LogTimestamp.format(millis))
                    .as("%d", millis)
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }
}
