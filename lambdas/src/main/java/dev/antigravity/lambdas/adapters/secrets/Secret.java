package dev.antigravity.lambdas.adapters.secrets;

import java.util.Objects;

/** A secret value that cannot leak through {@code toString}, string concatenation or a log line by accident. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The value itself; call it only where the value is handed to the party it is meant for. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
