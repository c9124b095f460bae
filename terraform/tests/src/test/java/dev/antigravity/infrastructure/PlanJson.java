package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Terraform plan in its JSON form (terraform show -json, or the plan terraform test -verbose
 * prints), and the properties every environment's plan must have.
 */
record PlanJson(JsonNode plan) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A resource the plan creates or keeps: address, type and its values after the plan (unknown ones absent). */
    record Resource(String address, String type, JsonNode values) {}

    /**
     * From resource_changes, which both terraform show -json and the plan terraform test prints
     * have (the latter has no planned_values).
     */
    List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        plan.path("resource_changes").forEach(change -> {
            boolean deleted = change.path("change").path("actions").toString().equals("[\"delete\"]");
            if (change.path("mode").asText().equals("managed") && !deleted) {
                resources.add(new Resource(
                        change.path("address").asText(),
                        change.path("type").asText(),
                        change.path("change").path("after")));
            }
        });
        return resources;
    }

    List<Resource> resources(String type) {
        return resources().stream()
                .filter(resource -> resource.type().equals(type))
                .toList();
    }

    /** Every property below holds; each names the resources that break it. */
    void assertEnvironmentInvariants() {
        assertThat(resources()).as("planned resources").hasSizeGreaterThan(100);
        everyAlarmHasAnAction();
        theTasksHaveNoPublicIp();
        theRulePatternsAreTheEventsSchemaFiles();
    }

    void everyAlarmHasAnAction() {
        List<Resource> alarms = resources("aws_cloudwatch_metric_alarm");
        assertThat(alarms).as("alarms").isNotEmpty();
        assertThat(alarms).allSatisfy(alarm -> {
            assertThat(alarm.values().path("actions_enabled").asBoolean())
                    .as(alarm.address() + " actions_enabled")
                    .isTrue();
            assertThat(alarm.values().path("alarm_actions"))
                    .as(alarm.address() + " alarm_actions")
                    .isNotEmpty();
        });
    }

    void theTasksHaveNoPublicIp() {
        List<Resource> services = resources("aws_ecs_service");
        assertThat(services).as("ECS services").isNotEmpty();
        assertThat(services).allSatisfy(service -> {
            JsonNode network = service.values().path("network_configuration");
            assertThat(network).as(service.address() + " network_configuration").hasSize(1);
            assertThat(network.get(0).path("assign_public_ip").isBoolean()).isTrue();
            assertThat(network.get(0).path("assign_public_ip").asBoolean())
                    .as(service.address() + " assign_public_ip")
                    .isFalse();
        });
    }

    /**
     * Each planned pattern is an events-schema file: the .json ones verbatim, the guard-alarm
     * template (.json.tftpl) with its alarm ARNs filled in. Those ARNs are unknown until apply, so
     * that rule's pattern is usually unknown in a first plan; when known, it is checked too.
     */
    void theRulePatternsAreTheEventsSchemaFiles() {
        List<JsonNode> patterns = resources("aws_cloudwatch_event_rule").stream()
                .filter(rule -> rule.values().hasNonNull("event_pattern"))
                .map(rule -> readJson(rule.values().path("event_pattern").asText()))
                .toList();
        List<JsonNode> files = RepositoryLayout.filesEndingWith(RepositoryLayout.EVENT_PATTERNS, ".json").stream()
                .map(file -> readJson(RepositoryLayout.read(file)))
                .toList();
        List<JsonNode> templates =
                RepositoryLayout.filesEndingWith(RepositoryLayout.EVENT_PATTERNS, ".json.tftpl").stream()
                        .map(file -> withoutResources(
                                readJson(RepositoryLayout.read(file).replace("${jsonencode(guard_alarm_arns)}", "[]"))))
                        .toList();
        assertThat(files).as("events-schema/patterns/*.json").hasSize(2);
        assertThat(templates).as("events-schema/patterns/*.json.tftpl").hasSize(1);
        assertThat(patterns).as("the known event patterns of the planned rules").containsAll(files);
        assertThat(patterns.stream().filter(pattern -> !files.contains(pattern)))
                .as("planned patterns that are no .json file")
                .allSatisfy(pattern -> assertThat(templates).contains(withoutResources(pattern)));
    }

    private static JsonNode withoutResources(JsonNode pattern) {
        ObjectNode copy = pattern.deepCopy();
        copy.remove("resources");
        return copy;
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
