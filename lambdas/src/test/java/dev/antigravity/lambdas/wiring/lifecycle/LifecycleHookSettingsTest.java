package dev.antigravity.lambdas.wiring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.lifecycle.StageCheck;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleHookSettingsTest {
    private static final ServiceRef API = new ServiceRef("prod", "api");

    @Test
    void defaultsCheckTheDocumentedStagesOnly() {
        LifecycleHookSettings settings = LifecycleHookSettings.from(Map.of());

        assertThat(settings.policy().checkFor(LifecycleStage.POST_TEST_TRAFFIC_SHIFT))
                .isEqualTo(StageCheck.SMOKE_TEST);
        assertThat(settings.policy().checkFor(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT))
                .isEqualTo(StageCheck.GUARD_ALARMS);
        assertThat(settings.policy().checkFor(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT))
                .isEqualTo(StageCheck.GUARD_ALARMS);
        assertThat(settings.policy().checkFor(LifecycleStage.PRE_SCALE_UP)).isEqualTo(StageCheck.NONE);
        assertThat(settings.policy().maxAttempts()).isEqualTo(10);
        assertThat(settings.testListeners().baseUrl(API)).isEmpty();
        assertThat(settings.smokePaths()).isEmpty();
    }

    @Test
    void everySettingIsRead() {
        LifecycleHookSettings settings = LifecycleHookSettings.from(Map.of(
                "LIFECYCLE_TEST_LISTENER_URL", "{\"prod/api\": \"http://alb.internal:8080\"}",
                "LIFECYCLE_SMOKE_PATHS", " /api/products , /api/users ",
                "LIFECYCLE_STAGE_CHECKS", "{\"POST_SCALE_UP\": \"SMOKE_TEST\", \"PRODUCTION_TRAFFIC_SHIFT\": \"NONE\"}",
                "LIFECYCLE_MAX_ATTEMPTS", "4"));

        assertThat(settings.testListeners().baseUrl(API)).contains(URI.create("http://alb.internal:8080"));
        assertThat(settings.testListeners().baseUrl(new ServiceRef("prod", "other")))
                .isEmpty();
        assertThat(settings.smokePaths()).containsExactly("/api/products", "/api/users");
        assertThat(settings.policy().checkFor(LifecycleStage.POST_SCALE_UP)).isEqualTo(StageCheck.SMOKE_TEST);
        assertThat(settings.policy().checkFor(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT))
                .isEqualTo(StageCheck.NONE);
        assertThat(settings.policy().maxAttempts()).isEqualTo(4);
        assertThat(LifecycleHookSettings.from(
                        Map.of("LIFECYCLE_TEST_LISTENER_URL", "http://alb:8080", "LIFECYCLE_SMOKE_PATHS", "[\"/x\"]")))
                .satisfies(s -> {
                    assertThat(s.testListeners().baseUrl(API)).contains(URI.create("http://alb:8080"));
                    assertThat(s.smokePaths()).containsExactly("/x");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LIFECYCLE_TEST_LISTENER_URL | alb.internal | is not an http(s) URL",
                "LIFECYCLE_SMOKE_PATHS | api/x | must start with /",
                "LIFECYCLE_STAGE_CHECKS | {\"LUNCH\": \"NONE\"} | unknown value 'LUNCH'",
                "LIFECYCLE_STAGE_CHECKS | {\"PRE_SCALE_UP\": \"PRAY\"} | unknown value 'PRAY'",
                "LIFECYCLE_MAX_ATTEMPTS | many | must be a whole number",
                "LIFECYCLE_MAX_ATTEMPTS | 0 | maxAttempts >= 1"
            })
    void aBadValueFailsWithTheReason(String name, String value, String reason) {
        assertThatThrownBy(() -> LifecycleHookSettings.from(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
