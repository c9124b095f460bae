package dev.antigravity.api.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Ambiguous and abusive credentials (issue 10, finding 8), against a real server in jwks mode
 * with an identity provider key of its own: two Authorization headers are 400 (the first one
 * used to win); failed authentications are rate-limited per client address before any token is
 * verified; tokens need {@code iat} and may live at most {@code auth.lifetime}; a {@code roles}
 * claim that is a single string names one role.
 */
@ServerTest
class CredentialsServerTest {
    private static final String ISSUER = "https://idp.example";
    private static final String AUDIENCE = "antigravity-api";
    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final int FAILURE_BURST = 10;
    private static final RSAKey IDP = idpKey();
    private static final Database DB = TestDatabases.h2();

    private final Http1Client client;
    private final int port;

    CredentialsServerTest(Http1Client client, WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        Path jwks = Files.createTempFile("idp-jwks", ".json");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, new JWKSet(IDP.toPublicJWK()).toString());
        ApiServer.configure(
                server,
                TestApps.create(
                        DB,
                        Map.of(
                                "auth.mode",
                                "jwks",
                                "auth.jwks.file",
                                jwks.toString(),
                                "auth.issuer",
                                ISSUER,
                                "auth.audience",
                                AUDIENCE,
                                "auth.lifetime",
                                LIFETIME.toString(),
                                "ratelimit.forwarded",
                                "true",
                                "ratelimit.failures.rate",
                                "0.01",
                                "ratelimit.failures.burst",
                                Integer.toString(FAILURE_BURST))));
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void twoAuthorizationHeadersAre400EvenWhenOneIsAnAdministrator() throws IOException {
        String admin = token(claims("alice", "admin").build());
        String customer = token(claims("bob", "customer").build());

        String response = raw("GET /api/admin/audit HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 10.0.1.1\r\n"
                + "Authorization: Bearer " + admin + "\r\nAuthorization: Bearer " + customer + "\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(get("/api/admin/audit", admin, "10.0.1.1")).isEqualTo(200);
    }

    @Test
    void tokensWithoutIatOrLivingLongerThanTheLimitAre401() {
        Instant now = Instant.now();
        JWTClaimsSet noIat = claims("carol", "admin").issueTime(null).build();
        JWTClaimsSet tooLong = claims("carol", "admin")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME).plusSeconds(120)))
                .build();
        JWTClaimsSet issuedInTheFuture = claims("carol", "admin")
                .issueTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200)))
                .build();
        JWTClaimsSet justRight = claims("carol", "admin")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();

        assertThat(get("/api/admin/audit", token(noIat), "10.0.2.1")).isEqualTo(401);
        assertThat(get("/api/admin/audit", token(tooLong), "10.0.2.2")).isEqualTo(401);
        assertThat(get("/api/admin/audit", token(issuedInTheFuture), "10.0.2.3"))
                .isEqualTo(401);
        assertThat(get("/api/admin/audit", token(justRight), "10.0.2.4")).isEqualTo(200);
    }

    /** Decided: a string names exactly one role; it is not split (so "admin customer" names none: 403). */
    @Test
    void aRolesClaimThatIsAStringNamesOneRole() {
        assertThat(get(
                        "/api/admin/audit",
                        token(claims("dave", null).claim("roles", "admin").build()),
                        "10.0.3.1"))
                .isEqualTo(200);
        assertThat(get(
                        "/api/admin/audit",
                        token(claims("erin", null).claim("roles", "customer").build()),
                        "10.0.3.2"))
                .isEqualTo(403);
        assertThat(get(
                        "/api/products",
                        token(claims("frank", null)
                                .claim("roles", "admin customer")
                                .build()),
                        "10.0.3.3"))
                .isEqualTo(403);
        assertThat(get(
                        "/api/products",
                        token(claims("grace", null)
                                .claim("roles", "admin,customer")
                                .build()),
                        "10.0.3.4"))
                .isEqualTo(403);
    }

    @Test
    void failedAuthenticationsAreRateLimitedPerClientBeforeVerification() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            statuses.add(get("/api/products", "not-a-token-" + i, "10.0.4.1"));
        }
        String good = token(claims("heidi", "admin").build());

        assertThat(statuses.subList(0, FAILURE_BURST)).containsOnly(401);
        assertThat(statuses.subList(FAILURE_BURST, statuses.size())).containsOnly(429);
        // Limited before verification: from that address even a good token waits.
        assertThat(get("/api/admin/audit", good, "10.0.4.1")).isEqualTo(429);
        assertThat(get("/api/admin/audit", good, "10.0.4.2")).isEqualTo(200);
        assertThat(get("/api/products", null, "10.0.4.1")).isEqualTo(200);
    }

    private int get(String path, String bearer, String clientAddress) {
        var request = client.get(path).header(HeaderNames.X_FORWARDED_FOR, clientAddress);
        if (bearer != null) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + bearer);
        }
        try (Http1ClientResponse res = request.request()) {
            return res.status().code();
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The status line and headers are enough; the server may keep the connection open.
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
                head.append((char) b);
            }
            return head.toString();
        }
    }

    private static JWTClaimsSet.Builder claims(String subject, String role) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        return role == null ? builder : builder.claim("roles", List.of(role));
    }

    private static String token(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(IDP.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(IDP));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RSAKey idpKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("idp-test").generate();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
