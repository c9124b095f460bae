package dev.antigravity.api.testsupport;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import redis.clients.jedis.RedisClient;

/**
 * The integration-test convention for Redis: {@code TEST_REDIS_URL} (scripts/local-services starts
 * Debian's redis-server and exports it); without it the test is skipped, or fails under
 * {@code REQUIRE_INTEGRATION=true}. The server may be shared, so each caller gets its own key
 * prefix and never flushes anything.
 */
public final class TestRedis {
    private TestRedis() {}

    public static String url() {
        String url = System.getenv("TEST_REDIS_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String reason = "Redis unavailable: set TEST_REDIS_URL (scripts/test starts redis-server and runs every test)";
        if (TestDatabases.integrationRequired()) {
            throw new IllegalStateException(reason + " (REQUIRE_INTEGRATION=true)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** A fresh key prefix, so tests sharing the server never see each other's keys. */
    public static String uniquePrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
    }

    /** The {@code cache} config node for Redis at {@code url}, with {@code overrides} (keys below {@code cache.}). */
    public static Config cacheConfig(String url, String prefix, Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("url", url, "prefix", prefix));
        values.putAll(overrides);
        return Config.just(ConfigSources.create(values));
    }

    /** A plain client, for tests that look at or tamper with what the service stored. */
    public static RedisClient client() {
        return RedisClient.create(java.net.URI.create(url()));
    }

    /** {@code @ExtendWith(TestRedis.Required.class)}: the convention as a condition, for {@code @BeforeAll}/{@code @SetUpServer}. */
    public static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                return ConditionEvaluationResult.enabled("Redis at " + url());
            } catch (TestAbortedException skipped) {
                return ConditionEvaluationResult.disabled(skipped.getMessage());
            }
        }
    }
}
