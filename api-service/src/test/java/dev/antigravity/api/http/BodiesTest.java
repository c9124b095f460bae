package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BodiesTest {
    private static final byte[] BODY =
            "{\"id\":\"pi_1\",\"client_secret\":\"pi_1_secret_x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeclaredLengthIsReadExactly() throws IOException {
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), OptionalLong.of(BODY.length)))
                .isEqualTo(BODY);
    }

    @Test
    void aBodyShorterThanDeclaredIsReturnedAsFarAsItCame() throws IOException {
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), OptionalLong.of(BODY.length + 100L)))
                .isEqualTo(BODY);
    }

    @Test
    void withoutADeclaredLengthTheWholeStreamIsRead() throws IOException {
        byte[] large = new byte[40_000];
        large[39_999] = 7;
        assertThat(Bodies.read(new ByteArrayInputStream(large), OptionalLong.empty()))
                .isEqualTo(large);
    }

    @Test
    void aBodyLongerThanDeclaredIsRefused() {
        assertThatThrownBy(() -> Bodies.read(new ByteArrayInputStream(BODY), OptionalLong.of(5)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("longer than its declared 5 bytes");
    }
}
