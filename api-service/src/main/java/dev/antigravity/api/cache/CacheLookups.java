package dev.antigravity.api.cache;

/** Told of every catalogue lookup and whether the cache answered it (the hit-ratio metric). */
@FunctionalInterface
public interface CacheLookups {
    /** Counts nothing (tests that do not look at the metric). */
    CacheLookups NONE = (kind, hit) -> {};

    /** What was looked up; the names are a bounded metric dimension. */
    enum Kind {
        product,
        page
    }

    /** @param hit true when the cache answered, false when the database had to (a miss, or Redis unavailable) */
    void lookedUp(Kind kind, boolean hit);
}
