package dev.antigravity.api.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.antigravity.api.http.problem.ApiException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JWKS fetched over HTTP from a stand-in identity provider. */
class JwksUrlTest {
    private static ECKey idpKey;
    private static WebServer idp;
    /** What the identity provider publishes; a test may add the development key to it. */
    private static volatile String published;

    @BeforeAll
    static void startIdentityProvider() throws Exception {
        idpKey = new ECKeyGenerator(Curve.P_256).keyID("idp-ec").generate();
        published = new JWKSet(idpKey.toPublicJWK()).toString();
        idp = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(r -> r.get("/.well-known/jwks.json", (req, res) -> res.send(published)))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        idp.stop();
    }

    @Test
    void refusesToStartWhenTheRemoteJwksServesTheLocalDevKey() {
        String honest = published;
        List<JWK> keys = new ArrayList<>(LocalDevKeys.publicKeys().getKeys());
        keys.add(idpKey.toPublicJWK());
        published = new JWKSet(keys).toString();
        try {
            assertThatThrownBy(JwksUrlTest::verifier)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("local development key");
        } finally {
            published = honest;
        }
    }

    @Test
    void startsWhenTheIdentityProviderIsDownAndFetchesKeysLater() {
        JwtVerifier verifier = JwtVerifier.create(settings("http://127.0.0.1:1/.well-known/jwks.json"));
        assertThatThrownBy(() -> verifier.verify(LocalTokens.mint("a", Role.ADMIN)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void verifiesAgainstTheRemoteKeysButNeverTheLocalDevKey() throws Exception {
        JwtVerifier verifier = verifier();
        // Published after start-up (key rotation, or a misconfigured provider): still never trusted.
        List<JWK> keys = new ArrayList<>(LocalDevKeys.publicKeys().getKeys());
        keys.add(idpKey.toPublicJWK());
        published = new JWKSet(keys).toString();

        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("idp-ec").build(),
                new JWTClaimsSet.Builder()
                        .subject("frank")
                        .issuer("https://idp.example")
                        .audience("antigravity-api")
                        .claim("roles", List.of("customer"))
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        token.sign(new ECDSASigner(idpKey));
        assertThat(verifier.verify(token.serialize())).isEqualTo(new Principal("frank", Role.CUSTOMER));

        String local = LocalTokens.mint(LocalTokens.Request.of("mallory", Role.ADMIN)
                .withIssuer("https://idp.example")
                .withAudience("antigravity-api"));
        assertThatThrownBy(() -> verifier.verify(local))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        published = new JWKSet(idpKey.toPublicJWK()).toString();
    }

    private static JwtVerifier verifier() {
        return JwtVerifier.create(settings("http://127.0.0.1:" + idp.port() + "/.well-known/jwks.json"));
    }

    private static AuthSettings settings(String jwksUrl) {
        return AuthSettings.from(Config.just(ConfigSources.create(Map.of(
                "mode", "jwks", "issuer", "https://idp.example", "audience", "antigravity-api", "jwks.url", jwksUrl))));
    }
}
