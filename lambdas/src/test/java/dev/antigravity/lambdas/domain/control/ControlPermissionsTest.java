package dev.antigravity.lambdas.domain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.lambdas.domain.ConfigurationException;
import org.junit.jupiter.api.Test;

class ControlPermissionsTest {

    @Test
    void usersAreAllowedPerActionAndAnActionNotListedIsAllowedToNobody() {
        ControlPermissions permissions = ControlPermissions.parse(" rollback = U1, U2 ; freeze=U3;");

        assertThat(permissions.allows(ControlAction.ROLLBACK, "U2")).isTrue();
        assertThat(permissions.allows(ControlAction.FREEZE, "U1")).isFalse();
        assertThat(permissions.allows(ControlAction.PROMOTE, "U1")).isFalse();
        assertThat(ControlPermissions.parse("").allows(ControlAction.RESUME, "U1"))
                .isFalse();
    }

    @Test
    void aTypoFailsTheColdStartInsteadOfOpeningOrClosingSilently() {
        assertThatThrownBy(() -> ControlPermissions.parse("rolback=U1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown action 'rolback'");
        assertThatThrownBy(() -> ControlPermissions.parse("rollback"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names no user");
    }
}
