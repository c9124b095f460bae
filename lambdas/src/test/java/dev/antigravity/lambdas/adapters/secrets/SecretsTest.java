package dev.antigravity.lambdas.adapters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets Manager on moto_server, the TTL cache in front of it, and the redaction that keeps values out of logs. */
class SecretsTest {
    @Test
    void aSecretNeverShowsItsValueInTextOrErrors() {
        Secret secret = new Secret("https://hooks.slack.com/services/T0/B0/very-secret");

        assertThat(secret.toString()).isEqualTo("Secret[redacted]");
        assertThat("posting with " + secret).doesNotContain("very-secret");
        assertThat(secret.reveal()).endsWith("very-secret");
    }

    @Test
    void plainAndSingleFieldJsonSecretsAreReadFromSecretsManager() {
        try (SecretsManagerClient client = MotoServer.client(SecretsManagerClient.builder())) {
            String plain = MotoServer.uniqueName("slack-webhook");
            String json = MotoServer.uniqueName("pagerduty-key");
            String ambiguous = MotoServer.uniqueName("two-fields");
            client.createSecret(r -> r.name(plain).secretString("https://hooks.example/T/B/x"));
            client.createSecret(r -> r.name(json).secretString("{\"routingKey\": \"R0UT1NG\"}"));
            client.createSecret(r -> r.name(ambiguous).secretString("{\"a\": \"1\", \"b\": \"2\"}"));
            SecretsManagerSecretSource source = new SecretsManagerSecretSource(client);

            assertThat(source.get(plain).reveal()).isEqualTo("https://hooks.example/T/B/x");
            assertThat(source.get(json).reveal()).isEqualTo("R0UT1NG");
            assertThatThrownBy(() -> source.get(ambiguous))
                    .isInstanceOf(SecretUnavailableException.class)
                    .hasMessageContaining("exactly one non-empty string field")
                    .hasMessageNotContaining("\"1\"");
            assertThatThrownBy(() -> source.get(MotoServer.uniqueName("missing")))
                    .isInstanceOf(SecretUnavailableException.class)
                    .hasMessageStartingWith("cannot read secret missing-");
        }
    }

    @Test
    void theCacheServesWithinTheTtlRereadsAfterItAndForgetsOnRequest() {
        AtomicInteger reads = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        CachingSecretSource cache = new CachingSecretSource(
                id -> new Secret(id + "#" + reads.incrementAndGet()), Duration.ofMinutes(5), clock);

        assertThat(cache.get("slack").reveal()).isEqualTo("slack#1");
        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.get("slack").reveal()).isEqualTo("slack#1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get("slack").reveal()).isEqualTo("slack#2");
        cache.invalidate("slack");
        assertThat(cache.get("slack").reveal()).isEqualTo("slack#3");
        assertThat(cache.get("pd").reveal()).isEqualTo("pd#4");
    }
}
