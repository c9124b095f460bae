package dev.antigravity.api.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.http.problem.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthFilterTest {
    @Test
    void noHeaderMeansAnonymous() {
        assertThat(AuthFilter.bearerToken(Optional.empty())).isEmpty();
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAndTokenIsTrimmed() {
        assertThat(AuthFilter.bearerToken(Optional.of("Bearer abc.def.ghi"))).contains("abc.def.ghi");
        assertThat(AuthFilter.bearerToken(Optional.of("bearer   abc.def.ghi  ")))
                .contains("abc.def.ghi");
    }

    @Test
    void otherSchemesAndEmptyTokensAre401() {
        for (String header : new String[] {"Basic YTpi", "Bearer", "Bearer ", "Token abc", "abc.def.ghi"}) {
            assertThatThrownBy(() -> AuthFilter.bearerToken(Optional.of(header)))
                    .as(header)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.headers()).containsKey("WWW-Authenticate");
                    });
        }
    }
}
