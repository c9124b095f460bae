package dev.antigravity.lambdas.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.wiring.hooks.HooksConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HooksConfigTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheContractVariablesWithDefaults() {
        HooksConfig config = HooksConfig.from(
                Map.of(
                        "MANAGED_SERVICES",
                        """
                [{"repository":"antigravity/api","cluster":"prod","service":"api","container":"api",
                  "targetGroupArn":"arn:tg","healthUrl":"https://api.example.com/health"},
                 {"repository":"antigravity/worker","tagPolicy":"release-\\\\d+","cluster":"prod","service":"worker",
                  "container":"worker"}]""",
                        "LEDGER_TABLE",
                        "ledger",
                        "PLATFORM_TOPIC_ARN",
                        "arn:sns",
                        "ENVIRONMENT",
                        "prod"),
                json);

        assertThat(config.settings().bake()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.settings().rollbackLimit()).isEqualTo(3);
        assertThat(config.settings().rollbackWindow()).isEqualTo(Duration.ofMinutes(60));
        assertThat(config.settings().strandedAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.settings().environment()).isEqualTo("prod");
        ManagedService api =
                config.services().find(new ServiceRef("prod", "api")).orElseThrow();
        assertThat(api.targetGroup()).contains("arn:tg");
        assertThat(api.health()).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("api.example.com"));
        assertThat(api.tagPolicy().evaluate(Optional.of("sha-1234567")).accepted())
                .isTrue();
        ManagedService worker = config.services().fedBy("antigravity/worker").getFirst();
        assertThat(worker.tagPolicy().evaluate(Optional.of("release-7")).accepted())
                .isTrue();
        assertThat(worker.tagPolicy().evaluate(Optional.of("sha-1234567")).accepted())
                .isFalse();
        assertThat(worker.health()).isEmpty();
        assertThat(config.freezeParameter()).isNull();
    }

    @Test
    void overridesAreHonoured() {
        HooksConfig config = HooksConfig.from(
                Map.of(
                        "BAKE_MINUTES",
                        "5",
                        "ROLLBACK_LIMIT",
                        "1",
                        "ROLLBACK_WINDOW_MINUTES",
                        "30",
                        "STRANDED_AFTER_MINUTES",
                        "4",
                        "FREEZE_PARAMETER",
                        "/antigravity/freeze"),
                json);
        assertThat(config.settings().bake()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.settings().rollbackLimit()).isEqualTo(1);
        assertThat(config.settings().rollbackWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.settings().strandedAfter()).isEqualTo(Duration.ofMinutes(4));
        assertThat(config.freezeParameter()).isEqualTo("/antigravity/freeze");
        assertThat(config.services().all()).isEmpty();
    }

    @Test
    void badConfigurationFailsLoudly() {
        assertThatThrownBy(() -> HooksConfig.from(Map.of("MANAGED_SERVICES", "{"), json))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> HooksConfig.from(Map.of("MANAGED_SERVICES", "{}"), json))
                .hasMessageContaining("array");
        assertThatThrownBy(() -> HooksConfig.from(Map.of("MANAGED_SERVICES", "[{\"repository\":\"r\"}]"), json))
                .hasMessageContaining("'cluster'");
        assertThatThrownBy(() -> HooksConfig.from(
                        Map.of(
                                "MANAGED_SERVICES",
                                "[{\"repository\":\"r\",\"cluster\":"
                                        + "\"c\",\"service\":\"s\",\"container\":\"x\",\"tagPolicy\":\"(\"}]"),
                        json))
                .hasMessageContaining("regex");
        assertThatThrownBy(() -> HooksConfig.from(Map.of("BAKE_MINUTES", "soon"), json))
                .hasMessageContaining("BAKE_MINUTES");
        assertThatThrownBy(() -> HooksConfig.from(Map.of("ROLLBACK_LIMIT", "-1"), json))
                .hasMessageContaining("ROLLBACK_LIMIT");
        assertThatThrownBy(() -> HooksConfig.from(Map.of(), json).requiredLedgerTable())
                .hasMessageContaining("LEDGER_TABLE");
    }
}
