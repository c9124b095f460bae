package dev.antigravity.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schemas, samples and EventBridge patterns packaged in this jar (under {@code events-schema/}), so tests of
 * every module load the very files Terraform reads from {@code events-schema/patterns}.
 */
public final class EventResources {
    public static final String ROOT = "events-schema/";

    /** The EventBridge rules, named as their pattern files (contract with Terraform). */
    public enum Rule {
        ECR_IMAGE_PUSH("ecr-image-push", ".json"),
        ECS_DEPLOYMENT_STATE_CHANGE("ecs-deployment-state-change", ".json"),
        /**
         * A template: Terraform renders it ({@code templatefile}) with the ARNs of the guard alarms, so only they
         * reach the alarm handler and an alarm storm elsewhere in the account cannot queue ahead of a rollback.
         */
        CLOUDWATCH_ALARM_STATE_CHANGE("cloudwatch-alarm-state-change", ".json.tftpl");

        private final String fileStem;
        private final String extension;

        Rule(String fileStem, String extension) {
            this.fileStem = fileStem;
            this.extension = extension;
        }

        public String fileStem() {
            return fileStem;
        }

        public String fileName() {
            return fileStem + extension;
        }

        /** The pattern EventBridge gets when Terraform passes these guard alarm ARNs (unused by plain files). */
        public String patternJson(List<String> guardAlarmArns) {
            return PatternTemplate.render(read("patterns/" + fileName()), Map.of("guard_alarm_arns", guardAlarmArns));
        }
    }

    /**
     * One sample from samples/index.json. {@code routes} lists the rules it must reach; null means it is not an
     * EventBridge event at all (lifecycle hooks, platform events).
     */
    public record Sample(String file, String schema, List<String> routes) {
        public String json() {
            return read("samples/" + file);
        }

        public boolean isEventBridgeEvent() {
            return routes != null;
        }
    }

    private EventResources() {}

    public static List<Sample> samples() {
        try {
            JsonNode index = new ObjectMapper().readTree(read("samples/index.json"));
            List<Sample> samples = new ArrayList<>();
            for (JsonNode entry : index) {
                List<String> routes = null;
                if (entry.get("routes").isArray()) {
                    routes = new ArrayList<>();
                    for (JsonNode route : entry.get("routes")) {
                        routes.add(route.asText());
                    }
                }
                samples.add(new Sample(
                        entry.get("file").asText(), entry.get("schema").asText(), routes));
            }
            return List.copyOf(samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Sample sample(String file) {
        return samples().stream()
                .filter(s -> s.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + file));
    }

    public static String read(String relativePath) {
        try (InputStream in = EventResources.class.getClassLoader().getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + ROOT + relativePath);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
