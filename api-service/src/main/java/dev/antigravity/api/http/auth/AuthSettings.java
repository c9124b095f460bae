package dev.antigravity.api.http.auth;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code auth} configuration. {@code mode=local} trusts only the checked-in development key
 * (tokens minted by {@code scripts/mint-token}); {@code mode=jwks} trusts the identity
 * provider's JWKS and is the default, so a deployment that forgets to configure auth fails to
 * start instead of accepting tokens anybody can mint.
 */
public record AuthSettings(
        Mode mode,
        Optional<String> jwksUrl,
        Optional<String> jwksFile,
        String issuer,
        String audience,
        Duration clockSkew,
        Duration maxLifetime) {

    /** The default {@code auth.lifetime}: longer-lived tokens are refused. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    public AuthSettings(
            Mode mode,
            Optional<String> jwksUrl,
            Optional<String> jwksFile,
            String issuer,
            String audience,
            Duration clockSkew) {
        this(mode, jwksUrl, jwksFile, issuer, audience, clockSkew, DEFAULT_LIFETIME);
    }

    public static final String LOCAL_ISSUER = "antigravity-local";
    public static final String DEFAULT_AUDIENCE = "antigravity-api";

    public enum Mode {
        LOCAL,
        JWKS
    }

    public static AuthSettings from(Config auth) {
        Mode mode = mode(auth.get("mode").asString().orElse("jwks"));
        Optional<String> issuer = nonBlank(auth.get("issuer"));
        Optional<String> audience = nonBlank(auth.get("audience"));
        Duration skew = auth.get("skew").as(Duration.class).orElse(Duration.ofSeconds(30));
        Duration lifetime = auth.get("lifetime").as(Duration.class).orElse(DEFAULT_LIFETIME);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("auth.lifetime (AUTH_LIFETIME) must be positive, not " + lifetime);
        }
        if (mode == Mode.LOCAL) {
            return new AuthSettings(
                    mode,
                    Optional.empty(),
                    Optional.empty(),
                    issuer.orElse(LOCAL_ISSUER),
                    audience.orElse(DEFAULT_AUDIENCE),
                    skew,
                    lifetime);
        }
        Optional<String> url = nonBlank(auth.get("jwks.url"));
        Optional<String> file = nonBlank(auth.get("jwks.file"));
        if (url.isEmpty() == file.isEmpty()) {
            throw new IllegalStateException("auth.mode=jwks needs exactly one of auth.jwks.url (AUTH_JWKS_URL) "
                    + "or auth.jwks.file (AUTH_JWKS_FILE)");
        }
        return new AuthSettings(
                mode,
                url,
                file,
                issuer.orElseThrow(() -> new IllegalStateException("auth.mode=jwks needs auth.issuer (AUTH_ISSUER)")),
                audience.orElseThrow(
                        () -> new IllegalStateException("auth.mode=jwks needs auth.audience (AUTH_AUDIENCE)")),
                skew,
                lifetime);
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("auth.mode (AUTH_MODE) must be 'jwks' or 'local', not '" + value + "'", e);
        }
    }

    private static Optional<String> nonBlank(Config node) {
        return node.asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }
}
