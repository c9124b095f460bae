package dev.antigravity.api.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.antigravity.api.http.problem.ApiException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtVerifierTest {
    private static final AuthSettings LOCAL = new AuthSettings(
            AuthSettings.Mode.LOCAL,
            Optional.empty(),
            Optional.empty(),
            AuthSettings.LOCAL_ISSUER,
            AuthSettings.DEFAULT_AUDIENCE,
            Duration.ofSeconds(30));
    private final JwtVerifier verifier = JwtVerifier.create(LOCAL);

    @Test
    void acceptsRs256AndEs256TokensAndMapsRoles() {
        assertThat(verifier.verify(LocalTokens.mint("alice", Role.ADMIN)))
                .isEqualTo(new Principal("alice", Role.ADMIN));
        String es256 =
                LocalTokens.mint(LocalTokens.Request.of("bob", Role.CUSTOMER).withAlgorithm(JWSAlgorithm.ES256));
        assertThat(verifier.verify(es256)).isEqualTo(new Principal("bob", Role.CUSTOMER));
    }

    @Test
    void adminWinsWhenBothRolesArePresentAndUnknownRolesAreForbidden() {
        String both =
                LocalTokens.mint(LocalTokens.Request.of("c", Role.CUSTOMER).withRoles(List.of("customer", "ADMIN")));
        assertThat(verifier.verify(both).role()).isEqualTo(Role.ADMIN);
        String none =
                LocalTokens.mint(LocalTokens.Request.of("d", Role.CUSTOMER).withRoles(List.of("superuser")));
        assertThatThrownBy(() -> verifier.verify(none))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status())
                .isEqualTo(403);
    }

    @Test
    void rejectsExpiredTokensBeyondTheSkewButToleratesTheSkew() {
        Instant now = Instant.now();
        String expired = LocalTokens.mint(
                LocalTokens.Request.of("a", Role.ADMIN).validBetween(now.minusSeconds(3600), now.minusSeconds(120)));
        expectInvalid(expired, "Expired");
        String justExpired = LocalTokens.mint(
                LocalTokens.Request.of("a", Role.ADMIN).validBetween(now.minusSeconds(3600), now.minusSeconds(10)));
        assertThat(verifier.verify(justExpired).subject()).isEqualTo("a");
    }

    @Test
    void rejectsTokensNotYetValid() {
        Instant now = Instant.now();
        expectInvalid(
                LocalTokens.mint(LocalTokens.Request.of("a", Role.ADMIN)
                        .validBetween(now.plusSeconds(600), now.plusSeconds(3600))),
                "before use time");
    }

    @Test
    void rejectsWrongAudienceAndWrongIssuer() {
        expectInvalid(LocalTokens.mint(LocalTokens.Request.of("a", Role.ADMIN).withAudience("someone-else")), "aud");
        expectInvalid(
                LocalTokens.mint(LocalTokens.Request.of("a", Role.ADMIN).withIssuer("https://evil.example")), "iss");
    }

    @Test
    void rejectsUnsignedAlgNoneTokens() {
        String unsigned = new PlainJWT(claims()).serialize();
        expectInvalid(unsigned, "");
        // Same, with a bogus signature part appended.
        expectInvalid(unsigned + "c2lnbmF0dXJl", "");
    }

    @Test
    void rejectsForgedSignaturesAndAlgorithmConfusion() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("local-dev-rs256").generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("local-dev-rs256")
                        .build(),
                claims());
        forged.sign(new RSASSASigner(attacker));
        expectInvalid(forged.serialize(), "");

        // HS256 keyed with the public key: accepted by naive verifiers, never here.
        byte[] publicKeyBytes = LocalDevKeys.publicKeys()
                .getKeyByKeyId("local-dev-rs256")
                .toJSONString()
                .getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
        confused.sign(new MACSigner(publicKeyBytes));
        expectInvalid(confused.serialize(), "");

        // A valid token with one payload character changed.
        String valid = LocalTokens.mint("alice", Role.CUSTOMER);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "A"
                + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];
        expectInvalid(tampered, "");
    }

    @Test
    void rejectsGarbage() {
        expectInvalid("not-a-jwt", "not a JWT");
        expectInvalid("a.b.c", "");
    }

    @Test
    void jwksModeRefusesTheLocalKeyAndTokensMintedWithIt(@TempDir Path dir) throws Exception {
        Path localJwks = dir.resolve("local.json");
        Files.writeString(localJwks, LocalDevKeys.publicKeys().toString());
        assertThatThrownBy(() -> JwtVerifier.create(jwks(Map.of("jwks.file", localJwks.toString()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local development key");

        RSAKey idp = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        Path idpJwks = dir.resolve("idp.json");
        Files.writeString(idpJwks, new JWKSet(idp.toPublicJWK()).toString());
        JwtVerifier production = JwtVerifier.create(jwks(Map.of("jwks.file", idpJwks.toString())));
        SignedJWT good = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-1").build(),
                new JWTClaimsSet.Builder(claims())
                        .issuer("https://idp.example")
                        .audience("api")
                        .build());
        good.sign(new RSASSASigner(idp));
        assertThat(production.verify(good.serialize()).subject()).isEqualTo("mallory");
        assertThatThrownBy(() -> production.verify(LocalTokens.mint("alice", Role.ADMIN)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void anUnknownModeIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> AuthSettings.from(Config.just(ConfigSources.create(Map.of("mode", "none")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_MODE");
    }

    @Test
    void jwksModeRequiresIssuerAudienceAndExactlyOneKeySource() {
        assertThatThrownBy(() -> AuthSettings.from(Config.just(ConfigSources.create(Map.of("mode", "jwks")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_JWKS_URL");
        assertThatThrownBy(() -> AuthSettings.from(Config.just(ConfigSources.create(
                        Map.of("mode", "jwks", "jwks.url", "https://idp.example/jwks", "audience", "api")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_ISSUER");
    }

    private static AuthSettings jwks(Map<String, String> extra) {
        var values =
                new java.util.HashMap<>(Map.of("mode", "jwks", "issuer", "https://idp.example", "audience", "api"));
        values.putAll(extra);
        return AuthSettings.from(Config.just(ConfigSources.create(values)));
    }

    private static JWTClaimsSet claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("mallory")
                .issuer(AuthSettings.LOCAL_ISSUER)
                .audience(AuthSettings.DEFAULT_AUDIENCE)
                .claim("roles", List.of("admin"))
                .issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(600)))
                .build();
    }

    private void expectInvalid(String token, String detailFragment) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.headers().get("WWW-Authenticate")).contains("invalid_token");
            assertThat(e.detail()).contains(detailFragment);
        });
    }
}
