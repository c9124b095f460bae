package dev.antigravity.lambdas.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What the rehearsal shows a person: one line per thing that happened, stamped with the simulated time. */
final class RehearsalTimeline {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    RehearsalTimeline(Clock clock) {
        this.clock = clock;
    }

    /** A scenario's title. */
    void heading(String title) {
        lines.add("");
        lines.add("== " + title);
    }

    /** {@code who} did or saw {@code what}, now. */
    void note(String who, String what) {
        lines.add(TIME.format(clock.instant()) + "  " + String.format("%-10s", who) + " " + what);
    }

    /** Lines shown as they are (a captured terminal view), indented. */
    void verbatim(List<String> shown) {
        shown.forEach(line -> lines.add("    " + line));
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
