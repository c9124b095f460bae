package dev.antigravity.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a pattern template the way Terraform's {@code templatefile} does, for the one construct the patterns use:
 * {@code ${jsonencode(name)}} with a list of strings. Anything else a template could hold (another function, a
 * directive, an unknown variable) is refused rather than guessed, so a template the tests render is one Terraform
 * renders the same. Hand-written: there is no Java implementation of HCL templates, and one function is all we need.
 */
final class PatternTemplate {
    private static final Pattern JSONENCODE = Pattern.compile("\\$\\{jsonencode\\(([a-z_][a-z0-9_]*)\\)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PatternTemplate() {}

    static String render(String template, Map<String, List<String>> variables) {
        Matcher matcher = JSONENCODE.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            List<String> value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template variable " + matcher.group(1) + " has no value");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(json(value)));
        }
        matcher.appendTail(rendered);
        String result = rendered.toString();
        if (result.contains("${") || result.contains("%{")) {
            throw new IllegalArgumentException("template holds more than ${jsonencode(variable)}: " + template);
        }
        return result;
    }

    private static String json(List<String> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
