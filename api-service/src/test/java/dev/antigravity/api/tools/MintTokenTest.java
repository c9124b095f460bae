package dev.antigravity.api.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.antigravity.api.http.auth.AuthSettings;
import dev.antigravity.api.http.auth.JwtVerifier;
import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Principal;
import dev.antigravity.api.http.auth.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MintTokenTest {
    private final JwtVerifier localServer = JwtVerifier.create(new AuthSettings(
            AuthSettings.Mode.LOCAL,
            Optional.empty(),
            Optional.empty(),
            AuthSettings.LOCAL_ISSUER,
            AuthSettings.DEFAULT_AUDIENCE,
            Duration.ofSeconds(30)));

    @Test
    void mintsATokenALocalServerAccepts() {
        String token = LocalTokens.mint(MintToken.parse(new String[] {"--sub", "alice", "--role", "admin"}));
        assertThat(localServer.verify(token)).isEqualTo(new Principal("alice", Role.ADMIN));
    }

    @Test
    void honoursAlgorithmAndLifetime() throws Exception {
        String token = LocalTokens.mint(MintToken.parse(
                new String[] {"--sub", "bob", "--role", "CUSTOMER", "--alg", "es256", "--ttl", "PT8H"}));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        Instant exp = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(Instant.now(), exp)).isBetween(Duration.ofHours(7), Duration.ofHours(8));
        assertThat(localServer.verify(token).role()).isEqualTo(Role.CUSTOMER);
    }

    @Test
    void rejectsIncompleteOrUnknownArguments() {
        assertThatThrownBy(() -> MintToken.parse(new String[] {"--role", "admin"}))
                .hasMessageContaining("--sub");
        assertThatThrownBy(() -> MintToken.parse(new String[] {"--sub", "a"})).hasMessageContaining("--role");
        assertThatThrownBy(() -> MintToken.parse(new String[] {"--sub", "a", "--role", "admin", "--bogus", "x"}))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> MintToken.parse(new String[] {"--sub", "a", "--role", "admin", "--alg", "HS256"}))
                .hasMessageContaining("RS256 or ES256");
        assertThatThrownBy(() -> MintToken.parse(new String[] {"--sub"})).hasMessageContaining("missing value");
    }
}
