package dev.antigravity.api.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The development key pair checked into the repository. Its private half is public knowledge,
 * so it is trusted only in {@code auth.mode=local}; in any other mode a JWKS or token that uses
 * it is refused.
 */
public final class LocalDevKeys {
    private static final String PUBLIC = "/auth/local-dev-jwks.json";
    private static final String PRIVATE = "/auth/local-dev-private-jwks.json";
    private static final Set<String> THUMBPRINTS = thumbprints(publicKeys());

    private LocalDevKeys() {}

    public static JWKSet publicKeys() {
        return load(PUBLIC);
    }

    /** The signing keys: for {@code MintToken} and tests only. */
    public static JWKSet privateKeys() {
        return load(PRIVATE);
    }

    /** Whether {@code key} is (the public half of) a local development key. */
    public static boolean isLocal(JWK key) {
        return THUMBPRINTS.contains(thumbprint(key));
    }

    private static Set<String> thumbprints(JWKSet set) {
        return set.getKeys().stream().map(LocalDevKeys::thumbprint).collect(Collectors.toUnmodifiableSet());
    }

    private static String thumbprint(JWK key) {
        try {
            // RFC 7638 thumbprints depend only on the public parameters, so a renamed kid does not hide the key.
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute JWK thumbprint", e);
        }
    }

    private static JWKSet load(String resource) {
        try (InputStream in = LocalDevKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("invalid JWKS in " + resource, e);
        }
    }
}
