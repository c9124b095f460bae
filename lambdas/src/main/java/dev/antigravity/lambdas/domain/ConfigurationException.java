package dev.antigravity.lambdas.domain;

/** The environment or the AWS resources do not match the configuration: no retry can fix it, a human must. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
