package dev.antigravity.lambdas.cli;

import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.app.ReadStatus;
import dev.antigravity.lambdas.app.ServiceStatus;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.control.ControlAction;
import dev.antigravity.lambdas.domain.control.ControlRequest;
import dev.antigravity.lambdas.domain.control.Operator;
import dev.antigravity.lambdas.wiring.controls.ControlsComponent;
import dev.antigravity.lambdas.wiring.controls.DaggerControlsComponent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code status} (the terminal view) and {@code rollback}, {@code promote}, {@code freeze}, {@code resume}: the same
 * use cases as Slack's buttons, with the person named by {@code ANTIGRAVITY_OPERATOR} (else {@code USER}); who may
 * run them is what their AWS credentials may do.
 */
final class ControlCommands {
    /** Clear the screen and home the cursor: each refresh redraws the view in place. */
    private static final String CLEAR = "\033[H\033[2J";

    private ControlCommands() {}

    static int run(String command, String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ServiceRef service = LedgerCommands.service(args);
        if (service == null) {
            err.println(command + " needs --service <cluster>/<service>");
            return Cli.usage(err);
        }
        ControlsComponent graph = DaggerControlsComponent.factory().create(env);
        if (command.equals("status")) {
            return status(graph.status(), service, args, out);
        }
        return act(graph.controls(), ControlAction.byId(command).orElseThrow(), service, args, env, out);
    }

    private static int act(
            OperatorControls controls,
            ControlAction action,
            ServiceRef service,
            String[] args,
            Map<String, String> env,
            PrintStream out) {
        String who = env.getOrDefault("ANTIGRAVITY_OPERATOR", env.getOrDefault("USER", "unknown"));
        Outcome outcome = controls.act(new ControlRequest(
                action,
                service,
                LedgerCommands.option(args, "--deployment"),
                new Operator("cli", who, who),
                String.valueOf(System.currentTimeMillis()),
                LedgerCommands.option(args, "--reason")));
        out.println(outcome.result() + ": " + outcome.reason()
                + (outcome.state() == null ? "" : " [" + outcome.deploymentId() + " " + outcome.state() + "]"));
        outcome.actions().forEach(a -> out.println("  - " + a));
        return outcome.result() == Outcome.Result.REJECTED ? 1 : 0;
    }

    private static int status(ReadStatus reader, ServiceRef service, String[] args, PrintStream out) {
        List<String> flags = List.of(args);
        boolean terminal = !flags.contains("--plain")
                && System.console() != null
                && System.console().isTerminal();
        String interval = LedgerCommands.option(args, "--interval");
        String count = LedgerCommands.option(args, "--count");
        watch(
                () -> reader.read(service),
                out,
                terminal,
                flags.contains("--watch"),
                Duration.ofSeconds(interval == null ? 5 : Long.parseLong(interval)),
                count == null ? Long.MAX_VALUE : Long.parseLong(count),
                Thread::sleep);
        return 0;
    }

    /**
     * Shows the status once, or with {@code watch} every {@code interval} ({@code refreshes} times at most): in a
     * terminal the view is redrawn in place, in colour; piped, a line is printed only when the status changed, so a
     * log of a quiet service stays short.
     */
    static void watch(
            Supplier<ServiceStatus> read,
            PrintStream out,
            boolean terminal,
            boolean watch,
            Duration interval,
            long refreshes,
            Sleep sleep) {
        StatusView view = new StatusView(terminal);
        String previous = null;
        for (long shown = 0; shown < (watch ? refreshes : 1); shown++) {
            if (shown > 0) {
                sleep.sleepQuietly(interval);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            ServiceStatus status = read.get();
            if (terminal) {
                out.print((watch ? CLEAR : "")
                        + String.join(System.lineSeparator(), view.block(status))
                        + System.lineSeparator()
                        + (watch
                                ? "refreshing every " + interval.toSeconds() + "s · Ctrl-C to quit"
                                        + System.lineSeparator()
                                : ""));
            } else {
                String line = StatusView.line(status);
                // The timestamp alone changing is not news.
                String unchanged = line.substring(line.indexOf(' ') + 1);
                if (!unchanged.equals(previous)) {
                    out.println(line);
                }
                previous = unchanged;
            }
            out.flush();
        }
    }

    /** Waiting between refreshes (tests do not wait). */
    @FunctionalInterface
    interface Sleep {
        void sleep(Duration duration) throws InterruptedException;

        default void sleepQuietly(Duration duration) {
            try {
                sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
