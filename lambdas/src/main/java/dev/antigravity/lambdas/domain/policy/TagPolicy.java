package dev.antigravity.lambdas.domain.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which pushed tags deploy. Default: {@code sha-<7..40 hex>} and semantic versions ({@code 1.4.2}, {@code v2.0.0-rc.1}).
 * {@code latest} never deploys, whatever the pattern: it moves, so it cannot name what runs. A push by digest
 * without a tag is not deployed either: its version is unknown and /health could not prove it.
 */
public final class TagPolicy {
    public static final String DEFAULT_PATTERN =
            "sha-[0-9a-f]{7,40}|v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?";

    private final Pattern pattern;

    private TagPolicy(Pattern pattern) {
        this.pattern = pattern;
    }

    public static TagPolicy defaultPolicy() {
        return new TagPolicy(Pattern.compile(DEFAULT_PATTERN));
    }

    /** A policy from configuration; the whole tag must match. */
    public static TagPolicy of(String regex) {
        return new TagPolicy(Pattern.compile(regex));
    }

    public String pattern() {
        return pattern.pattern();
    }

    public Decision evaluate(Optional<String> tag) {
        if (tag.isEmpty()) {
            return new Decision(false, "pushed by digest without a tag: version unknown");
        }
        String value = tag.get();
        if (value.equals("latest")) {
            return new Decision(false, "tag 'latest' is mutable and never deploys");
        }
        if (!pattern.matcher(value).matches()) {
            return new Decision(false, "tag '" + value + "' does not match the tag policy " + pattern.pattern());
        }
        return new Decision(true, "tag '" + value + "' matches the tag policy");
    }

    public record Decision(boolean accepted, String reason) {}
}
