package dev.antigravity.api.model;

/** A zero-based page of {@code size} items; bounds are checked where the request is parsed. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages cost a full scan; beyond this, callers should narrow their filters. */
    public static final int MAX_PAGE = 10_000;

    public long offset() {
        return (long) page * size;
    }
}
