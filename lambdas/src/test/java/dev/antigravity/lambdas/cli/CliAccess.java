package dev.antigravity.lambdas.cli;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the CLI with their own environment and streams. */
public final class CliAccess {
    private CliAccess() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.run(args, env, out, err);
    }
}
