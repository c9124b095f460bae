package dev.antigravity.api.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.antigravity.api.http.problem.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens: signature (RS256 or ES256 only, so {@code alg: none} and HMAC tricks
 * with a public key fail), issuer, audience, expiry and not-before with a bounded clock skew, a
 * lifetime ({@code exp - iat}) of at most {@code auth.lifetime} ({@code iat} required in jwks
 * mode, so a stolen token cannot be minted to live for years), then maps the {@code roles} claim
 * to a {@link Role}. A token that verified is trusted again without a new signature check while it
 * is still valid ({@link VerifiedTokens}).
 */
public final class JwtVerifier {
    static final String ROLES_CLAIM = "roles";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final System.Logger LOG = System.getLogger(JwtVerifier.class.getName());
    private static final int STARTUP_FETCH_TIMEOUT_MS = 2_000;
    private static final int STARTUP_FETCH_SIZE_LIMIT = 512 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Duration maxLifetime;
    private final Duration skew;
    private final Clock clock;
    private final VerifiedTokens verified;

    JwtVerifier(JWKSource<SecurityContext> keys, AuthSettings settings, Clock clock) {
        maxLifetime = settings.maxLifetime();
        skew = settings.clockSkew();
        this.clock = clock;
        verified = new VerifiedTokens(clock);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        var claims =
                new DefaultJWTClaimsVerifier<>(
                        Set.of(settings.audience()),
                        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                        settings.mode() == AuthSettings.Mode.JWKS ? Set.of("sub", "exp", "iat") : Set.of("sub", "exp"),
                        Set.of()) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(
                                clock.instant()); // exp and nbf judged by the same clock as the verified tokens
                    }
                };
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Builds the verifier for the configured mode; refuses the development key outside local mode. */
    public static JwtVerifier create(AuthSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    static JwtVerifier create(AuthSettings settings, Clock clock) {
        return new JwtVerifier(keySource(settings), settings, clock);
    }

    private static JWKSource<SecurityContext> keySource(AuthSettings settings) {
        if (settings.mode() == AuthSettings.Mode.LOCAL) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "auth.mode=local: trusting only the development key checked into "
                            + "the repository (tokens from scripts/mint-token). Never use this mode in production.");
            return new ImmutableJWKSet<>(LocalDevKeys.publicKeys());
        }
        if (settings.jwksFile().isPresent()) {
            JWKSet set = loadFile(Path.of(settings.jwksFile().get()));
            if (set.getKeys().stream().anyMatch(LocalDevKeys::isLocal)) {
                throw new IllegalStateException(
                        "Refusing to start: " + settings.jwksFile().get()
                                + " contains the local development key, whose private half is in the repository. "
                                + "Use auth.mode=local for development.");
            }
            return new ImmutableJWKSet<>(set);
        }
        URL url;
        try {
            url = URI.create(settings.jwksUrl().orElseThrow()).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "auth.jwks.url is not a valid URL: " + settings.jwksUrl().orElseThrow(), e);
        }
        refuseIfServingLocalKey(url);
        JWKSource<SecurityContext> remote =
                JWKSourceBuilder.<SecurityContext>create(url).retrying(true).build();
        // Keys are fetched lazily and cached (the identity provider may be down at start-up or
        // rotate keys later); the local key is filtered out whenever it would be used.
        return (selector, context) -> remote.get(selector, context).stream()
                .filter(key -> !LocalDevKeys.isLocal(key))
                .toList();
    }

    /**
     * A start-up look at the remote JWKS, so that a deployment pointed at the development key
     * fails at once rather than rejecting every token. An unreachable identity provider only
     * earns a warning: it may well be back before the first request.
     */
    private static void refuseIfServingLocalKey(URL url) {
        JWKSet set;
        try {
            set = JWKSet.load(url, STARTUP_FETCH_TIMEOUT_MS, STARTUP_FETCH_TIMEOUT_MS, STARTUP_FETCH_SIZE_LIMIT);
        } catch (IOException | ParseException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "JWKS at " + url + " not readable at start-up (" + e
                            + "); it will be fetched on the first authenticated request");
            return;
        }
        if (set.getKeys().stream().anyMatch(LocalDevKeys::isLocal)) {
            throw new IllegalStateException("Refusing to start: the JWKS at " + url + " contains the local "
                    + "development key, whose private half is in the repository. Use auth.mode=local for development.");
        }
    }

    private static JWKSet loadFile(Path file) {
        try {
            return JWKSet.load(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWKS file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("JWKS file " + file + " is not a valid JWK set", e);
        }
    }

    /**
     * The principal a token proves.
     *
     * @throws ApiException 401 (invalid_token) for any token that fails verification, 403 when a
     *                      valid token carries no role this API knows
     */
    public Principal verify(String token) {
        Optional<Principal> known = verified.principal(token);
        if (known.isPresent()) {
            return known.get();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw ApiException.invalidToken("The bearer token is not a JWT.");
        } catch (BadJWTException e) {
            throw ApiException.invalidToken(e.getMessage());
        } catch (BadJOSEException e) {
            throw ApiException.invalidToken(e.getMessage());
        } catch (JOSEException e) {
            throw ApiException.invalidToken("The token signature cannot be verified: " + e.getMessage());
        }
        requireBoundedLifetime(claims);
        Role role = role(claims)
                .orElseThrow(
                        () -> ApiException.forbidden("The token carries no role this API knows (admin or customer)."));
        Principal principal = new Principal(claims.getSubject(), role);
        verified.remember(
                token, principal, claims.getExpirationTime().toInstant().plus(skew));
        return principal;
    }

    /** {@code iat} not in the future (beyond the skew) and {@code exp - iat} within {@code auth.lifetime}. */
    private void requireBoundedLifetime(JWTClaimsSet claims) {
        Date issued = claims.getIssueTime();
        if (issued == null) {
            return; // only possible in local mode
        }
        if (issued.toInstant().isAfter(clock.instant().plus(skew))) {
            throw ApiException.invalidToken("The token's iat is in the future.");
        }
        if (Duration.between(issued.toInstant(), claims.getExpirationTime().toInstant())
                        .compareTo(maxLifetime)
                > 0) {
            throw ApiException.invalidToken(
                    "The token lives longer (exp - iat) than the maximum of " + maxLifetime + ".");
        }
    }

    /**
     * ADMIN wins over CUSTOMER when a token carries both. A string instead of an array names one
     * role (some identity providers collapse single-valued claims); it is not split on spaces or
     * commas, so "admin customer" names no role and is refused.
     */
    private static Optional<Role> role(JWTClaimsSet claims) {
        Object value = claims.getClaim(ROLES_CLAIM);
        Collection<?> values = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        Set<Role> roles = new HashSet<>();
        for (Object v : values) {
            Role.fromClaim(String.valueOf(v)).ifPresent(roles::add);
        }
        return roles.contains(Role.ADMIN)
                ? Optional.of(Role.ADMIN)
                : roles.contains(Role.CUSTOMER) ? Optional.of(Role.CUSTOMER) : Optional.empty();
    }
}
