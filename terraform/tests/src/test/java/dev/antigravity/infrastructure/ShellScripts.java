package dev.antigravity.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every shell script under a directory, found by its shebang (#!/bin/sh, #!/usr/bin/env bash, ...) or, for
 * sourced libraries without one, by the .sh suffix: a new script anywhere is linted without being listed.
 */
final class ShellScripts {

    private static final Pattern SHELL_SHEBANG = Pattern.compile("^#!\\s*\\S*/(env\\s+)?(ba|da|k|z)?sh(\\s.*)?$");

    /** What .gitignore leaves out (build output, caches, run results): nothing of ours to lint. */
    private static final Set<String> SKIPPED_NAMES = Set.of(".git", "target", "node_modules", ".terraform");

    private static final Set<Path> SKIPPED_PATHS =
            Set.of(Path.of("tmp"), Path.of("bench/results"), Path.of(".ci/work"));

    private ShellScripts() {}

    static List<Path> under(Path root) {
        List<Path> scripts = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean ignored = SKIPPED_NAMES.contains(name)
                            || name.startsWith("target-")
                            || SKIPPED_PATHS.contains(root.relativize(dir));
                    return !dir.equals(root) && ignored ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && isShellScript(file)) {
                        scripts.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts.stream().sorted().toList();
    }

    private static boolean isShellScript(Path file) {
        if (file.getFileName().toString().endsWith(".sh")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(200), StandardCharsets.ISO_8859_1);
            return SHELL_SHEBANG.matcher(start.lines().findFirst().orElse("")).matches();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
