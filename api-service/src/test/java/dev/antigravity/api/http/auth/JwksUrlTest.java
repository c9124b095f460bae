package dev.antigravity.api.http.auth;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JWKS fetched over HTTP from a stand-in identity provider that (wrongly) also publishes the dev key. */
class JwksUrlTest {
    private static ECKey idpKey;
    private static WebServer idp;

    @BeforeAll
    static void startIdentityProvider() throws Exception {
        idpKey = new ECKeyGenerator(Curve.P_256).keyID("idp-ec").generate();
        List<JWK> published = new java.util.ArrayList<>(LocalDevKeys.publicKeys().getKeys());
        published.add(idpKey.toPublicJWK());
        String jwks = new JWKSet(published).toString();
        idp = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/.well-known/jwks.json", (req, res) -> res.send(jwks)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        idp.stop();
    }

    @Test
    void verifiesAgainstTheRemoteKeysButNeverTheLocalDevKey() throws Exception {
        JwtVerifier verifier = JwtVerifier.create(AuthSettings.from(Config.just(ConfigSources.create(Map.of(
                "mode", "jwks", "issuer", "https://idp.example", "audience", "antigravity-api",
                "jwks.url", "http://127.0.0.1:" + idp.port() + "/.well-known/jwks.json")))));

        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("idp-ec").build(),
                new JWTClaimsSet.Builder().subject("frank").issuer("https://idp.example").audience("antigravity-api")
                        .claim("roles", List.of("customer"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        token.sign(new ECDSASigner(idpKey));
        assertThat(verifier.verify(token.serialize())).isEqualTo(new Principal("frank", Role.CUSTOMER));

        String local = LocalTokens.mint(LocalTokens.Request.of("mallory", Role.ADMIN)
                .withIssuer("https://idp.example").withAudience("antigravity-api"));
        assertThatThrownBy(() -> verifier.verify(local)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }
}
