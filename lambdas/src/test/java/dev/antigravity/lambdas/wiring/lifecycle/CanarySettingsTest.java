package dev.antigravity.lambdas.wiring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.lambdas.domain.canary.CanaryPolicy;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy.TooLittleTraffic;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanarySettingsTest {
    @Test
    void offWithoutALoadBalancer() {
        assertThat(CanarySettings.from(Map.of())).isEmpty();
    }

    @Test
    void defaultsAreTheStandardPolicy() {
        CanarySettings settings = CanarySettings.from(Map.of("LIFECYCLE_CANARY_LOAD_BALANCER", "app/api/9f"))
                .orElseThrow();

        assertThat(settings.policy()).isEqualTo(CanaryPolicy.standard());
        assertThat(settings.latencyStatistic()).isEqualTo("p99");
    }

    @Test
    void everySettingIsRead() {
        CanarySettings settings = CanarySettings.from(Map.ofEntries(
                        Map.entry("LIFECYCLE_CANARY_LOAD_BALANCER", "app/api/9f"),
                        Map.entry("LIFECYCLE_CANARY_WINDOW_MINUTES", "5"),
                        Map.entry("LIFECYCLE_CANARY_BOUND_MINUTES", "20"),
                        Map.entry("LIFECYCLE_CANARY_ON_TOO_LITTLE_TRAFFIC", "pass"),
                        Map.entry("LIFECYCLE_CANARY_CALLBACK_SECONDS", "30"),
                        Map.entry("LIFECYCLE_CANARY_MIN_REQUESTS", "50"),
                        Map.entry("LIFECYCLE_CANARY_MIN_MINUTES", "3"),
                        Map.entry("LIFECYCLE_CANARY_ERROR_TOLERANCE", "0.01"),
                        Map.entry("LIFECYCLE_CANARY_LATENCY_TOLERANCE", "0.5"),
                        Map.entry("LIFECYCLE_CANARY_LATENCY_STATISTIC", "p90")))
                .orElseThrow();

        assertThat(settings.policy().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.policy().bound()).isEqualTo(Duration.ofMinutes(20));
        assertThat(settings.policy().onTooLittleTraffic()).isEqualTo(TooLittleTraffic.PASS);
        assertThat(settings.policy().callBackDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.policy().criteria().minRequests()).isEqualTo(50);
        assertThat(settings.policy().criteria().minLatencyMinutes()).isEqualTo(3);
        assertThat(settings.policy().criteria().errorRateTolerance()).isEqualTo(0.01);
        assertThat(settings.policy().criteria().latencyTolerance()).isEqualTo(0.5);
        assertThat(settings.latencyStatistic()).isEqualTo("p90");
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> CanarySettings.from(Map.of(
                        "LIFECYCLE_CANARY_LOAD_BALANCER", "app/api/9f", "LIFECYCLE_CANARY_MIN_REQUESTS", "many")))
                .hasMessageContaining("LIFECYCLE_CANARY_MIN_REQUESTS");
        assertThatThrownBy(() -> CanarySettings.from(
                        Map.of("LIFECYCLE_CANARY_LOAD_BALANCER", "app/api/9f", "LIFECYCLE_CANARY_BOUND_MINUTES", "5")))
                .hasMessageContaining("bound no shorter than the window");
        assertThatThrownBy(() -> CanarySettings.from(Map.of(
                        "LIFECYCLE_CANARY_LOAD_BALANCER",
                        "app/api/9f",
                        "LIFECYCLE_CANARY_ON_TOO_LITTLE_TRAFFIC",
                        "MAYBE")))
                .hasMessageContaining("LIFECYCLE_CANARY_");
    }
}
