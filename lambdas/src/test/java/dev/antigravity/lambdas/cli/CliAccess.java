package dev.antigravity.lambdas.cli;

import dev.antigravity.lambdas.app.ServiceStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Lets tests in other packages run the CLI with their own environment and streams. */
public final class CliAccess {
    private CliAccess() {}

    /** The {@code status} command's two renderings: the terminal block (without colour) and the piped line. */
    public static List<String> statusView(ServiceStatus status, boolean piped) {
        return piped ? List.of(StatusView.line(status)) : new StatusView(false).block(status);
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.run(args, env, out, err);
    }
}
