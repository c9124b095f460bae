package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks judge the container's memory and throughput (issue 12: peak RSS with the image's JVM flags), so
 * bench/lib/common.sh runs the API with the flags scripts/build-runtime-image writes to the image's jvm.options, plus
 * the task's memory limit as MaxRAM (the JVM reads it from the cgroup in the container), and with the image's glibc
 * malloc arenas (the Dockerfile's ENV MALLOC_ARENA_MAX). A value changed in one place only would make every figure in
 * docs/benchmarks.md describe a process that does not ship.
 */
class JvmFlagsAgreementTest {
    /** The first, non-empty assignment: the flags jvm.options is written from. */
    private static final Pattern IMAGE_FLAGS = Pattern.compile("(?m)^run_flags=\\(([^)]+)\\)");

    private static final Pattern BENCH_FLAGS = Pattern.compile("(?m)^BENCH_JAVA_OPTS=\\$\\{BENCH_JAVA_OPTS:-(.+)}$");

    private static final Pattern IMAGE_ARENAS =
            Pattern.compile("(?m)^(?:ENV)?\\s+MALLOC_ARENA_MAX=(\\d+)\\s*\\\\?\\s*$");

    private static final Pattern BENCH_ARENAS =
            Pattern.compile("(?m)^BENCH_MALLOC_ARENA_MAX=\\$\\{BENCH_MALLOC_ARENA_MAX-(\\d+)}$");

    private final ModuleSource ecsService = ModuleSource.module("ecs-service");

    private static String assigned(String file, Pattern assignment) {
        Matcher match = assignment.matcher(RepositoryLayout.read(RepositoryLayout.ROOT.resolve(file)));
        assertThat(match.find()).as("%s assigns %s", file, assignment).isTrue();
        return match.group(1).trim();
    }

    private static List<String> flags(String file, Pattern assignment) {
        return List.of(assigned(file, assignment).split("\\s+"));
    }

    @Test
    void theBenchRunsTheImagesFlagsUnderTheTasksMemoryLimit() {
        List<String> image = flags("scripts/build-runtime-image", IMAGE_FLAGS);
        List<String> expected = new ArrayList<>(image);
        expected.add("-XX:MaxRAM=" + ecsService.variableDefault("memory").asInt() / 1024 + "g");

        assertThat(image).as("the image's flags").contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
        assertThat(flags("bench/lib/common.sh", BENCH_FLAGS))
                .as("the bench's default BENCH_JAVA_OPTS")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theBenchRunsTheImagesMallocArenas() {
        assertThat(assigned("bench/lib/common.sh", BENCH_ARENAS))
                .as("the bench's default BENCH_MALLOC_ARENA_MAX")
                .isEqualTo(assigned("Dockerfile", IMAGE_ARENAS));
    }
}
