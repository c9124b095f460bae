package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Generated correlation ids are version-4 UUIDs built from the given random source. */
class CorrelationIdTest {

    @Test
    void theIdIsTheRandomBitsWithTheVersion4AndVariantBitsSet() {
        Iterator<Long> bits = List.of(-1L, 0L).iterator();
        RandomGenerator fixed = bits::next;
        assertThat(CorrelationId.generate(fixed)).isEqualTo("ffffffff-ffff-4fff-8000-000000000000");
    }

    @Test
    void generatedIdsAreDistinctRandomUuidsTheServiceWouldAcceptBack() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationId.generate();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(CorrelationId.accept(id)).hasValue(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }
}
