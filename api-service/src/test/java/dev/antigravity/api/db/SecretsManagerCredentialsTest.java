package dev.antigravity.api.db;

import java.util.Map;

import dev.antigravity.api.testsupport.DefaultAwsCredentials;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.events.testing.MotoServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that cannot work are refused at start-up with the reason, before any connection is tried. */
class SecretsManagerCredentialsTest {

    @Test
    void aSecretAndAPasswordTogetherAreRefused() {
        assertThatThrownBy(() -> Database.create(db(Map.of("url", "jdbc:postgresql://127.0.0.1:1/none",
                "secret.id", "db-credentials", "secret.region", "us-east-1", "password", "s3cret"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db.secret.id and db.username/db.password are exclusive");
    }

    @Test
    void aSecretWithoutADatabaseUrlIsRefused() {
        assertThatThrownBy(() -> Database.create(db(Map.of("secret.id", "db-credentials"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db.secret.id needs db.url");
    }

    @Test
    void aSecretThatCannotBeReadFailsTheStartWithTheReason() {
        DefaultAwsCredentials.ensure();
        String missing = MotoServer.uniqueName("antigravity-test/no-such-secret");
        assertThatThrownBy(() -> Database.create(db(Map.of("url", TestDatabases.postgresEndpoint().url(),
                "secret.id", missing, "secret.region", MotoServer.region().id(),
                "secret.endpoint", MotoServer.endpoint().toString()))))
                .rootCause().isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("can't find the specified secret");
    }

    private static Config db(Map<String, String> settings) {
        return Config.just(ConfigSources.create(settings));
    }
}
