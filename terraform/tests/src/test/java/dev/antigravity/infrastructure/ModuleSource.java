package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lookups inside one module directory of the parsed configuration(). The configuration is parsed on first use, inside a
 * test: a test class may hold a ModuleSource in a static field, and without hcl2json (plain ./mvnw -B verify on a
 * fresh machine) the parse must skip the test, not fail the class's initialisation.
 */
final class ModuleSource {
    private final Path dir;

    private ModuleSource(Path dir) {
        this.dir = dir;
    }

    static ModuleSource module(String name) {
        return at(RepositoryLayout.MODULES.resolve(name));
    }

    static ModuleSource environment(String name) {
        return at(RepositoryLayout.ENVIRONMENTS.resolve(name));
    }

    static ModuleSource at(Path dir) {
        return new ModuleSource(dir);
    }

    TerraformConfiguration configuration() {
        return TerraformConfiguration.parsed();
    }

    Path dir() {
        return dir;
    }

    List<Block> resources(String type) {
        return configuration().resources(type).stream().filter(inThisModule()).toList();
    }

    Block resource(String type, String name) {
        return resources(type).stream()
                .filter(block -> block.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + "." + name + " in " + dir));
    }

    List<Block> data(String type) {
        return configuration().data(type).stream().filter(inThisModule()).toList();
    }

    Block moduleCall(String name) {
        return configuration().moduleCalls().stream()
                .filter(inThisModule())
                .filter(call -> call.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no module " + name + " in " + dir));
    }

    JsonNode locals() {
        return configuration().locals(dir);
    }

    /** The default of variable {@code name} declared in this module. */
    JsonNode variableDefault(String name) {
        return configuration().files().entrySet().stream()
                .filter(file -> file.getKey().getParent().equals(dir))
                .map(file -> file.getValue().path("variable").path(name))
                .filter(variable -> !variable.isMissingNode())
                .findFirst()
                .map(variable -> variable.get(0).path("default"))
                .orElseThrow(() -> new AssertionError("no variable " + name + " in " + dir));
    }

    /** A literal attribute, or the default of the variable it is set from ("${var.x}"). */
    JsonNode valueOf(JsonNode body, String attribute) {
        JsonNode value = body.path(attribute);
        String text = value.asText();
        if (value.isTextual() && text.matches("\\$\\{var\\.[a-z0-9_]+}")) {
            return variableDefault(text.substring(6, text.length() - 1));
        }
        return value;
    }

    private Predicate<Block> inThisModule() {
        return block -> block.moduleDir().equals(dir);
    }
}
