package dev.antigravity.lambdas.app;

import java.util.ArrayList;
import java.util.List;

/** The side effects of one use-case run, in order, for the outcome (and so the log and the CLI). */
final class Actions {
    private final List<String> done = new ArrayList<>();

    void add(String action) {
        done.add(action);
    }

    List<String> list() {
        return List.copyOf(done);
    }
}
