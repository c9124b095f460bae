package dev.antigravity.api.testsupport;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Application contexts for server tests: the real application.yaml, with local auth (tokens from
 * {@link dev.antigravity.api.http.auth.LocalTokens}) and a rate limit high enough not to
 * interfere, plus per-test overrides. Environment variables are ignored so that a developer's
 * shell cannot change test results.
 */
public final class TestApps {
    private TestApps() {}

    public static AppContext create(Database database) {
        return create(database, Map.of(), Clock.systemUTC());
    }

    public static AppContext create(Database database, Map<String, String> overrides) {
        return create(database, overrides, Clock.systemUTC());
    }

    public static AppContext create(Database database, Map<String, String> overrides, Clock clock) {
        return AppContext.create(config(overrides), database, clock);
    }

    /** application.yaml under the test defaults and {@code overrides} (flat keys like "limits.body"). */
    public static Config config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("auth.mode", "local");
        values.put("ratelimit.rate", "100000");
        values.put("ratelimit.burst", "100000");
        values.put("ratelimit.failures.rate", "100000");
        values.put("ratelimit.failures.burst", "100000");
        values.put("shutdown.grace", "PT5S");
        values.put("management.port", "0");
        values.putAll(overrides);
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(values), ConfigSources.classpath("application.yaml"))
                .build();
    }
}
