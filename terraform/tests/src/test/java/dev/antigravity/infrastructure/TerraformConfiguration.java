package dev.antigravity.infrastructure;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every .tf file under terraform/, parsed by HashiCorp's HCL parser (@cdktf/hcl2json) into JSON.
 * Parsed once per test run; expressions stay strings such as "${var.name}".
 */
final class TerraformConfiguration {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TerraformConfiguration loaded;
    private static final Map<Path, JsonNode> TFVARS = new LinkedHashMap<>();

    private final Map<Path, JsonNode> files;
    private final Map<Path, String> errors;

    private TerraformConfiguration(Map<Path, JsonNode> files, Map<Path, String> errors) {
        this.files = files;
        this.errors = errors;
    }

    /** The parsed configuration; fails the calling test if any file did not parse. */
    static synchronized TerraformConfiguration parsed() {
        TerraformConfiguration configuration = parseAll();
        if (!configuration.errors.isEmpty()) {
            fail("Terraform files that do not parse: " + configuration.errors);
        }
        return configuration;
    }

    static synchronized TerraformConfiguration parseAll() {
        if (loaded == null) {
            loaded = convert(RepositoryLayout.terraformFiles());
        }
        return loaded;
    }

    /** An environment's terraform.tfvars.example (HCL attributes only), parsed the same way. */
    static synchronized JsonNode tfvarsExample(String environment) {
        Path file = RepositoryLayout.ENVIRONMENTS.resolve(environment).resolve("terraform.tfvars.example");
        return TFVARS.computeIfAbsent(file, path -> {
            TerraformConfiguration parsed = convert(List.of(path));
            if (!parsed.errors.isEmpty()) {
                fail("tfvars that do not parse: " + parsed.errors);
            }
            return parsed.files.get(path);
        });
    }

    Map<Path, JsonNode> files() {
        return files;
    }

    Map<Path, String> errors() {
        return errors;
    }

    List<Block> resources(String type) {
        return blocks("resource", type);
    }

    List<Block> data(String type) {
        return blocks("data", type);
    }

    /** Module calls ("module" blocks); type is the call's name. */
    List<Block> moduleCalls() {
        List<Block> calls = new ArrayList<>();
        files.forEach((file, json) -> json.path("module")
                .properties()
                .forEach(call -> calls.add(new Block(
                        file,
                        "module",
                        call.getKey(),
                        call.getKey(),
                        call.getValue().get(0)))));
        return calls;
    }

    /** The "locals" blocks of one module directory, merged. */
    JsonNode locals(Path moduleDir) {
        var merged = JSON.createObjectNode();
        files.forEach((file, json) -> {
            if (file.getParent().equals(moduleDir)) {
                json.path("locals")
                        .forEach(block -> merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) block));
            }
        });
        return merged;
    }

    private List<Block> blocks(String kind, String type) {
        List<Block> blocks = new ArrayList<>();
        files.forEach((file, json) -> json.path(kind)
                .path(type)
                .properties()
                .forEach(named -> named.getValue()
                        .forEach(body -> blocks.add(new Block(file, kind, type, named.getKey(), body)))));
        return blocks;
    }

    private static TerraformConfiguration convert(List<Path> tfFiles) {
        ExternalTool node = ExternalTool.require("node");
        Path nodeModules = hcl2jsonNodeModules();
        List<String> arguments = new ArrayList<>();
        arguments.add(converterScript().toString());
        tfFiles.forEach(file -> arguments.add(file.toString()));
        ExternalTool.Result result =
                node.run(arguments, Map.of("NODE_PATH", nodeModules.toString()), Duration.ofMinutes(2));
        try {
            JsonNode byFile = JSON.readTree(result.stdout());
            Map<Path, JsonNode> files = new LinkedHashMap<>();
            Map<Path, String> errors = new LinkedHashMap<>();
            for (Path file : tfFiles) {
                JsonNode parsed = byFile.get(file.toString());
                if (parsed == null) {
                    errors.put(file, "no output from hcl2json: " + result.describe());
                } else if (parsed.has("__error")) {
                    errors.put(file, parsed.get("__error").asText());
                } else {
                    files.put(file, parsed);
                }
            }
            return new TerraformConfiguration(files, errors);
        } catch (IOException e) {
            throw new AssertionError("hcl2json printed no JSON: " + result.describe(), e);
        }
    }

    /** node_modules holding @cdktf/hcl2json: $HCL2JSON_NODE_PATH, or what install-test-tools recorded. */
    private static Path hcl2jsonNodeModules() {
        Optional<Path> fromEnvironment = Optional.ofNullable(System.getenv("HCL2JSON_NODE_PATH"))
                .filter(path -> !path.isBlank())
                .map(Path::of);
        Path recorded = ExternalTool.TOOLS_DIR.resolve("hcl2json-node-path");
        Optional<Path> fromTools = Files.isRegularFile(recorded)
                ? Optional.of(Path.of(RepositoryLayout.read(recorded).strip()))
                : Optional.empty();
        Optional<Path> found = Stream.concat(fromEnvironment.stream(), fromTools.stream())
                .filter(dir -> Files.isDirectory(dir.resolve("@cdktf/hcl2json")))
                .findFirst();
        if (found.isEmpty()) {
            ExternalTool.unavailable(
                    "@cdktf/hcl2json not installed (set HCL2JSON_NODE_PATH or run scripts/install-test-tools;"
                            + " scripts/test installs it and runs every test)");
        }
        return found.orElseThrow();
    }

    private static Path converterScript() {
        try {
            return Path.of(
                    TerraformConfiguration.class.getResource("/hcl2json.cjs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One block: kind resource/data/module, its type and name, and its body. */
    record Block(Path file, String kind, String type, String name, JsonNode body) {

        Path moduleDir() {
            return file.getParent();
        }

        String address() {
            return RepositoryLayout.TERRAFORM.relativize(file) + ": " + kind + " " + type + "." + name;
        }

        /** A nested block written either literally or as a dynamic block's content. */
        List<JsonNode> nested(String blockName) {
            List<JsonNode> found = new ArrayList<>();
            body.path(blockName).forEach(found::add);
            body.path("dynamic")
                    .path(blockName)
                    .forEach(dynamic -> dynamic.path("content").forEach(found::add));
            return found;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (node != null && !node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }
}
