package dev.antigravity.api.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Mints tokens signed with the local development key, for newcomers ({@code scripts/mint-token})
 * and tests. A token minted here is accepted only by a server in {@code auth.mode=local}.
 */
public final class LocalTokens {
    private LocalTokens() {}

    /** What to put in a token; defaults match a local server. */
    public record Request(
            String subject,
            List<String> roles,
            JWSAlgorithm algorithm,
            String issuer,
            String audience,
            Instant notBefore,
            Instant expiresAt) {

        public static Request of(String subject, Role role) {
            Instant now = Instant.now();
            return new Request(
                    subject,
                    List.of(role.name().toLowerCase(Locale.ROOT)),
                    JWSAlgorithm.RS256,
                    AuthSettings.LOCAL_ISSUER,
                    AuthSettings.DEFAULT_AUDIENCE,
                    now,
                    now.plus(Duration.ofHours(1)));
        }

        public Request withAlgorithm(JWSAlgorithm value) {
            return new Request(subject, roles, value, issuer, audience, notBefore, expiresAt);
        }

        public Request withIssuer(String value) {
            return new Request(subject, roles, algorithm, value, audience, notBefore, expiresAt);
        }

        public Request withAudience(String value) {
            return new Request(subject, roles, algorithm, issuer, value, notBefore, expiresAt);
        }

        public Request withRoles(List<String> value) {
            return new Request(subject, value, algorithm, issuer, audience, notBefore, expiresAt);
        }

        public Request validBetween(Instant from, Instant until) {
            return new Request(subject, roles, algorithm, issuer, audience, from, until);
        }
    }

    public static String mint(String subject, Role role) {
        return mint(Request.of(subject, role));
    }

    public static String mint(Request request) {
        JWK key = LocalDevKeys.privateKeys().getKeys().stream()
                .filter(k -> request.algorithm().equals(k.getAlgorithm()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no local key for " + request.algorithm()));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(request.subject())
                .issuer(request.issuer())
                .audience(request.audience())
                .claim(JwtVerifier.ROLES_CLAIM, request.roles())
                .issueTime(Date.from(Instant.now()))
                .notBeforeTime(Date.from(request.notBefore()))
                .expirationTime(Date.from(request.expiresAt()))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(request.algorithm())
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the local key", e);
        }
        return jwt.serialize();
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        return key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
    }
}
