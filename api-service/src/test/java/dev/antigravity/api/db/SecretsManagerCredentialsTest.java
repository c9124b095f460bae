package dev.antigravity.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dev.antigravity.api.testsupport.DefaultAwsCredentials;
import dev.antigravity.api.testsupport.TestDatabases;
import dev.antigravity.events.testing.MotoServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Settings that cannot work are refused at start-up with the reason, before any connection is tried. */
class SecretsManagerCredentialsTest {

    @Test
    void aSecretAndAPasswordTogetherAreRefused() {
        assertThatThrownBy(() -> Database.create(db(Map.of(
                        "url",
                        "jdbc:postgresql://127.0.0.1:1/none",
                        "secret.id",
                        "db-credentials",
                        "secret.region",
                        "us-east-1",
                        "password",
                        "s3cret"))))
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
        // Resolved before the assertion: without the servers these skip the test, never stand in for its failure.
        String url = TestDatabases.postgresEndpoint().url();
        String region = MotoServer.region().id();
        String endpoint = MotoServer.endpoint().toString();
        assertThatThrownBy(() -> Database.create(db(Map.of(
                        "url", url, "secret.id", missing, "secret.region", region, "secret.endpoint", endpoint))))
                .rootCause()
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("can't find the specified secret");
    }

    /** The plugin reads a region only from ARNs of the aws partition; the service reads it from any. */
    @Test
    void theWrapperGetsTheSecretAndTheRegionOfAnArnInAnyPartition() {
        String arn = "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:rds!db-1a2b-AbCdEf";
        Config db = db(Map.of("url", "jdbc:postgresql://db:5432/antigravity?sslmode=require", "secret.id", arn));
        HikariConfig pool = new HikariConfig();
        SecretsManagerCredentials.from(db.get("secret"))
                .orElseThrow()
                .configure(pool, db.get("url").asString().get(), db);

        assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:aws-wrapper:postgresql://db:5432/antigravity?sslmode=require");
        assertThat(pool.getDataSourceProperties())
                .containsEntry("wrapperPlugins", "awsSecretsManager")
                .containsEntry("secretsManagerSecretId", arn)
                .containsEntry("secretsManagerRegion", "cn-north-1")
                .doesNotContainKey("secretsManagerEndpoint");
        assertThat(pool.getUsername()).isNull();
    }

    @Test
    void furtherPluginsJoinTheSecretsPluginAndNeedASecret() {
        Config db = db(Map.of(
                "url",
                "jdbc:postgresql://db:5432/antigravity",
                "secret.id",
                "db-credentials",
                "secret.region",
                "eu-west-1",
                "secret.plugins",
                "failover2,efm2"));
        HikariConfig pool = new HikariConfig();
        SecretsManagerCredentials.from(db.get("secret"))
                .orElseThrow()
                .configure(pool, db.get("url").asString().get(), db);
        assertThat(pool.getDataSourceProperties())
                .containsEntry("wrapperPlugins", "awsSecretsManager,failover2,efm2")
                .containsEntry("secretsManagerRegion", "eu-west-1");

        assertThatThrownBy(() -> Database.create(db(Map.of("secret.plugins", "efm2"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db.secret.plugins needs db.secret.id");
    }

    private static Config db(Map<String, String> settings) {
        return Config.just(ConfigSources.create(settings));
    }
}
