package dev.antigravity.lambdas.adapters.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A size-bounded map for facts that never change (what a task definition revision runs), evicting the least recently
 * used entry. Written with the JDK's LinkedHashMap rather than a cache library: one Lambda container holds a few
 * hundred entries at most, and a dependency would only grow the jar every cold start loads.
 */
final class BoundedMemo<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    private BoundedMemo(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }

    /** A thread-safe view: handlers of one container may run on several threads (the CLI, tests). */
    static <K, V> Map<K, V> synchronizedOf(int capacity) {
        return Collections.synchronizedMap(new BoundedMemo<>(capacity));
    }
}
