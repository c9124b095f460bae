package dev.antigravity.lambdas.domain.control;

import java.util.Objects;

/**
 * A person acting on a deployment.
 *
 * @param source where the request came from: {@code slack} or {@code cli}
 * @param id     the stable identity permissions name (a Slack user id, the CLI's AWS caller or user name)
 * @param name   a readable name for messages (may equal {@code id})
 */
public record Operator(String source, String id, String name) {
    public Operator {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    @Override
    public String toString() {
        return name + " (" + source + " " + id + ")";
    }
}
