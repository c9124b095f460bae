package dev.antigravity.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What cache.* may say: a mistake stops the start with the key named, an empty URL means no cache. */
class CachesTest {

    @Test
    void noUrlMeansNoCache() {
        assertThat(Caches.from(cache(Map.of()))).isSameAs(CatalogueCache.NONE);
        assertThat(Caches.from(cache(Map.of("url", "  ")))).isSameAs(CatalogueCache.NONE);
        assertThat(CatalogueCache.NONE.status()).isEqualTo(CatalogueCache.Status.DISABLED);
    }

    @Test
    void misconfigurationsAreRefusedAtStartWithTheKeyNamed() {
        assertThatThrownBy(() -> Caches.from(cache(Map.of("url", "http://cache:6379"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache.url");
        assertRefused("ttl.product", "PT0S");
        assertRefused("timeout", "-PT1S");
        assertRefused("near.size", "-1");
        assertRefused("near.heartbeat", "PT0S");
        assertRefused("invalidation.linger", "-PT0.001S");
    }

    private static void assertRefused(String key, String value) {
        assertThatThrownBy(() -> Caches.from(cache(Map.of("url", "redis://cache:6379", key, value))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache." + key);
    }

    /** No connection at start: a Redis that is not there yet must not stop the service. */
    @Test
    void anUnreachableRedisDoesNotStopTheStart() {
        CatalogueCache cache = Caches.from(cache(Map.of("url", "redis://127.0.0.1:1", "timeout", "PT0.1S")));
        assertThat(cache.status()).isEqualTo(CatalogueCache.Status.DOWN);
        cache.close();
    }

    private static Config cache(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }
}
