package dev.antigravity.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in the checkout, found from the test's working directory upwards. */
final class RepositoryLayout {

    static final Path ROOT = findRoot(Path.of("").toAbsolutePath());
    static final Path TERRAFORM = ROOT.resolve("terraform");
    static final Path MODULES = TERRAFORM.resolve("modules");
    static final Path ENVIRONMENTS = TERRAFORM.resolve("environments");
    static final Path EVENT_PATTERNS = ROOT.resolve("events-schema/patterns");
    static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

    /** The deployable environments (common/ holds the composition they link to). */
    static final List<String> ENVIRONMENT_NAMES = List.of("prod", "staging");

    private RepositoryLayout() {}

    /** Every Terraform file under terraform/, outside provider caches and build output. */
    static List<Path> terraformFiles() {
        try (Stream<Path> files = Files.walk(TERRAFORM)) {
            return files.filter(file -> file.toString().endsWith(".tf"))
                    .filter(file -> !file.toString().contains("/.terraform/"))
                    .filter(file -> !file.startsWith(TERRAFORM.resolve("tests")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> moduleDirectories() {
        try (Stream<Path> dirs = Files.list(MODULES)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> workflowFiles() {
        return filesEndingWith(WORKFLOWS, ".yml", ".yaml");
    }

    /** The files directly in dir whose names end with one of the suffixes, sorted. */
    static List<Path> filesEndingWith(Path dir, String... suffixes) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file ->
                            Stream.of(suffixes).anyMatch(file.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("terraform/modules")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No checkout with terraform/modules above " + start);
    }
}
