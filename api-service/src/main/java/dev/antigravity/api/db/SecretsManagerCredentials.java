package dev.antigravity.api.db;

import com.zaxxer.hikari.HikariConfig;
import io.helidon.config.Config;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Database credentials read from AWS Secrets Manager ({@code db.secret.*}) at every new connection, through the
 * AWS Advanced JDBC Wrapper's {@code awsSecretsManager} plugin, instead of a password read once at start-up.
 * RDS rotates the master password in the secret; a task that had read it once could open no new connection
 * afterwards until it was replaced. The plugin caches the secret (15 minutes less 30 s) and, when a login fails
 * with the cached one, fetches the secret again and retries that one connection, so a rotation costs no request
 * its login: only requests on connections the database itself closes fail (503, and the pool opens new ones).
 *
 * <p>By default only that plugin is enabled. The wrapper's failover plugins ({@code failover}, {@code failover2})
 * need a cluster topology (Aurora or a Multi-AZ DB <em>cluster</em>); the database module creates a Multi-AZ DB
 * <em>instance</em>, which fails over by pointing its DNS name at the standby, for which the wrapper documents no
 * failover support. There the pool's reconnect after the failover does the work (the JVM caches DNS for 30 s).
 * {@code db.secret.plugins} adds plugins for other deployments ({@code failover2,efm2} on a cluster).
 */
record SecretsManagerCredentials(
        String secretId, Optional<String> region, Optional<String> endpoint, Optional<String> plugins) {
    private static final String SECRETS_PLUGIN = "awsSecretsManager";
    private static final String WRAPPER_PREFIX = "jdbc:aws-wrapper:";
    private static final Pattern SECRET_ARN = Pattern.compile("^arn:aws[a-z-]*:secretsmanager:(?<region>[^:]+):.*");

    /** The {@code db.secret} node's settings, or empty when {@code db.secret.id} is not set. */
    static Optional<SecretsManagerCredentials> from(Config secret) {
        Optional<String> plugins = nonBlank(secret.get("plugins"));
        Optional<SecretsManagerCredentials> credentials = nonBlank(secret.get("id"))
                .map(id -> new SecretsManagerCredentials(
                        id, nonBlank(secret.get("region")), nonBlank(secret.get("endpoint")), plugins));
        if (credentials.isEmpty() && plugins.isPresent()) {
            throw new IllegalStateException("db.secret.plugins needs db.secret.id: the wrapper is used for its secret");
        }
        return credentials;
    }

    /**
     * Points {@code pool} at {@code url} through the wrapper with this secret's credentials. {@code db.username}
     * and {@code db.password} must be empty: two sources of one password would disagree after a rotation.
     */
    void configure(HikariConfig pool, String url, Config db) {
        if (url.isEmpty()) {
            throw new IllegalStateException("db.secret.id needs db.url: the embedded H2 database has no credentials");
        }
        if (nonBlank(db.get("username")).isPresent()
                || nonBlank(db.get("password")).isPresent()) {
            throw new IllegalStateException("db.secret.id and db.username/db.password are exclusive:"
                    + " the secret holds both the user name and the password");
        }
        if (!url.startsWith("jdbc:")) {
            throw new IllegalStateException("db.url must be a JDBC URL (jdbc:postgresql://...)");
        }
        pool.setJdbcUrl(url.startsWith(WRAPPER_PREFIX) ? url : WRAPPER_PREFIX + url.substring("jdbc:".length()));
        // Always named: the wrapper's default chain would add auroraConnectionTracker, failover2 and efm2 (see above).
        pool.addDataSourceProperty(
                "wrapperPlugins",
                plugins.map(more -> SECRETS_PLUGIN + "," + more).orElse(SECRETS_PLUGIN));
        pool.addDataSourceProperty("secretsManagerSecretId", secretId);
        pool.addDataSourceProperty("secretsManagerRegion", secretRegion());
        endpoint.ifPresent(e -> pool.addDataSourceProperty("secretsManagerEndpoint", e));
    }

    /**
     * The configured region; else the ARN's (read here: the plugin reads it only from ARNs of the {@code aws}
     * partition); else the SDK's (AWS_REGION, profile, instance metadata).
     */
    private String secretRegion() {
        if (region.isPresent()) {
            return region.get();
        }
        Matcher arn = SECRET_ARN.matcher(secretId);
        if (arn.matches()) {
            return arn.group("region");
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new IllegalStateException(
                    "db.secret.id '" + secretId + "' is not an ARN and no region is known:"
                            + " set db.secret.region (DB_SECRET_REGION) or AWS_REGION",
                    e);
        }
    }

    private static Optional<String> nonBlank(Config node) {
        return node.asString().map(String::trim).filter(s -> !s.isEmpty());
    }
}
