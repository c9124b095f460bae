package dev.antigravity.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How the shared mapper treats buffers: requests run on short-lived virtual threads. */
class JsonTest {
    @Test
    void aBufferReleasedOnOneVirtualThreadIsReusedOnTheNext() throws Exception {
        RecyclerPool<BufferRecycler> pool = Json.mapper().getFactory()._getRecyclerPool();
        AtomicReference<BufferRecycler> first = new AtomicReference<>();
        AtomicReference<BufferRecycler> second = new AtomicReference<>();

        Thread.ofVirtual()
                .start(() -> {
                    BufferRecycler recycler = pool.acquireAndLinkPooled();
                    first.set(recycler);
                    recycler.releaseToPool();
                })
                .join();
        Thread.ofVirtual().start(() -> second.set(pool.acquireAndLinkPooled())).join();

        assertThat(second.get()).isSameAs(first.get());
    }
}
