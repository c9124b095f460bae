package dev.antigravity.api.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.service.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A token checked once is trusted again only while it would still verify; every other token is checked in full. */
class VerifiedTokensTest {
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final AuthSettings LOCAL = new AuthSettings(
            AuthSettings.Mode.LOCAL,
            Optional.empty(),
            Optional.empty(),
            AuthSettings.LOCAL_ISSUER,
            AuthSettings.DEFAULT_AUDIENCE,
            SKEW);

    /** Now: the tokens are minted with iat = the real time. */
    private final Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final MutableClock clock = new MutableClock(start);
    private final CountingKeys keys = new CountingKeys();
    private final JwtVerifier verifier = new JwtVerifier(keys, LOCAL, clock);

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        String token = token(start.minusSeconds(60), start.plus(Duration.ofHours(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(verifier.verify(token)).isEqualTo(new Principal("alice", Role.CUSTOMER));
        }
        assertThat(keys.lookups).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        Instant exp = start.plus(Duration.ofMinutes(2));
        String token = token(start.minusSeconds(60), exp);
        verifier.verify(token);
        clock.set(exp.plus(SKEW).minusSeconds(1));
        assertThat(verifier.verify(token).subject()).isEqualTo("alice");
        clock.set(exp.plus(SKEW));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.detail()).contains("Expired");
        });
    }

    @Test
    void aRememberedTokenIsCheckedAgainAfterTheReverifyInterval() {
        String token = token(start.minusSeconds(60), start.plus(Duration.ofHours(1)));
        verifier.verify(token);
        clock.advance(VerifiedTokens.REVERIFY_AFTER);
        verifier.verify(token);
        assertThat(keys.lookups).hasValue(2);
    }

    @Test
    void anAlteredCopyOfARememberedTokenIsCheckedAndRefused() {
        String token = token(start.minusSeconds(60), start.plus(Duration.ofHours(1)));
        verifier.verify(token);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String altered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertThatThrownBy(() -> verifier.verify(altered))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(keys.lookups).hasValue(2);
    }

    @Test
    void aTokenRefusedForItsRoleIsRefusedEveryTime() {
        String none = LocalTokens.mint(LocalTokens.Request.of("d", Role.CUSTOMER)
                .withRoles(List.of("superuser"))
                .validBetween(start.minusSeconds(60), start.plus(Duration.ofHours(1))));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> verifier.verify(none))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
        assertThat(keys.lookups).hasValue(2);
    }

    private static String token(Instant from, Instant until) {
        return LocalTokens.mint(LocalTokens.Request.of("alice", Role.CUSTOMER).validBetween(from, until));
    }

    /** The local keys, counting how often a signature check asked for them. */
    private static final class CountingKeys implements JWKSource<SecurityContext> {
        private final JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(LocalDevKeys.publicKeys());
        private final AtomicInteger lookups = new AtomicInteger();

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context)
                throws com.nimbusds.jose.KeySourceException {
            lookups.incrementAndGet();
            return keys.get(selector, context);
        }
    }
}
