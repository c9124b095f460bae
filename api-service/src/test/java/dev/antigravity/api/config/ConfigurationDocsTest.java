package dev.antigravity.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.EnvironmentVariables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration table in README.md stays true: every setting of application.yaml is listed
 * with the environment variable Helidon really maps onto it, and nothing else is listed.
 */
class ConfigurationDocsTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void everySettingIsOverridableByTheDocumentedEnvironmentVariable() {
        for (String key : settings()) {
            String variable = variableFor(key);
            Map<String, String> expanded = EnvironmentVariables.expand(Map.of(variable, "x"));
            assertThat(expanded).as("%s -> %s", variable, key).containsEntry(key, "x");
        }
    }

    @Test
    void readmeTableListsExactlyTheSettingsWithTheirVariables() throws IOException {
        String readme = Files.readString(README);
        Set<String> documented = new TreeSet<>();
        for (String line : readme.lines().toList()) {
            if (line.startsWith("| `") && line.contains("` | `")) {
                String[] cells = line.split("\\|");
                String key = cells[1].trim().replace("`", "");
                String variable = cells[2].trim().replace("`", "");
                if (key.contains(".")) {
                    documented.add(key);
                    assertThat(variable).as(key).isEqualTo(variableFor(key));
                }
            }
        }
        assertThat(documented).isEqualTo(settings());
    }

    private static String variableFor(String key) {
        return key.toUpperCase(Locale.ROOT).replace("-", "__").replace('.', '_');
    }

    @SuppressWarnings("unchecked")
    private static Set<String> settings() {
        try (InputStream in = ConfigurationDocsTest.class.getResourceAsStream("/application.yaml")) {
            Set<String> keys = new TreeSet<>();
            flatten("", (Map<String, Object>) new Yaml().load(in), keys);
            return keys;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Set<String> keys) {
        node.forEach((name, value) -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            if (value instanceof Map<?, ?> child) {
                flatten(key, (Map<String, Object>) child, keys);
            } else {
                keys.add(key);
            }
        });
    }
}
