package dev.antigravity.lambdas.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.lambdas.handlers.AlarmHandler;
import dev.antigravity.lambdas.handlers.DeploymentEventHandler;
import dev.antigravity.lambdas.handlers.ImagePushHandler;
import dev.antigravity.lambdas.handlers.LifecycleHookHandler;
import dev.antigravity.lambdas.handlers.NotifierHandler;
import dev.antigravity.lambdas.handlers.SlackInteractivityHandler;
import dev.antigravity.lambdas.handlers.StabilizerHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code java -jar antigravity-lambdas.jar invoke <handler> <event.json>} runs a handler locally against the AWS
 * endpoint the environment names and prints its outcome; {@code ledger --service S} prints a service's
 * deployment history; {@code status}, {@code rollback}, {@code promote}, {@code freeze} and {@code resume} are the
 * on-call person's view and controls (the same use cases as Slack's buttons).
 */
public final class Cli {
    /** Handlers by simple name; constructors, not reflection, so the jar needs no reflection configuration. */
    static final Map<String, Function<Map<String, String>, RequestStreamHandler>> HANDLERS = new LinkedHashMap<>();

    static {
        HANDLERS.put("ImagePushHandler", ImagePushHandler::new);
        HANDLERS.put("DeploymentEventHandler", DeploymentEventHandler::new);
        HANDLERS.put("AlarmHandler", AlarmHandler::new);
        HANDLERS.put("StabilizerHandler", StabilizerHandler::new);
        HANDLERS.put("NotifierHandler", NotifierHandler::new);
        HANDLERS.put("LifecycleHookHandler", LifecycleHookHandler::new);
        HANDLERS.put("SlackInteractivityHandler", SlackInteractivityHandler::new);
    }

    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        try {
            return switch (args[0]) {
                case "invoke" -> args.length == 3 ? invoke(args[1], Path.of(args[2]), env, out, err) : usage(err);
                case "status", "rollback", "promote", "freeze", "resume" ->
                    ControlCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length), env, out, err);
                case "ledger" -> LedgerCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length), env, out, err);
                case "report" -> ReportCommand.run(Arrays.copyOfRange(args, 1, args.length), env, out, err);
                default -> usage(err);
            };
        } catch (RuntimeException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int invoke(
            String handlerName, Path event, Map<String, String> env, PrintStream out, PrintStream err) {
        Function<Map<String, String>, RequestStreamHandler> factory = HANDLERS.get(handlerName);
        if (factory == null) {
            err.println("unknown handler '" + handlerName + "'; one of " + HANDLERS.keySet());
            return 2;
        }
        // Handlers log one JSON line per event on stdout; the CLI keeps stdout for the outcome alone.
        PrintStream stdout = System.out;
        System.setOut(err);
        try (InputStream input = Files.newInputStream(event)) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            factory.apply(env).handleRequest(input, output, null);
            out.println(output.toString(StandardCharsets.UTF_8));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("no such event file: " + event);
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + event + ": " + e.getMessage());
            return 1;
        } finally {
            System.setOut(stdout);
        }
    }

    static int usage(PrintStream err) {
        err.println("""
                usage:
                  antigravity-lambdas invoke <handler> <event.json>   run a handler once, print its outcome (JSON)
                      handlers: %s
                  antigravity-lambdas ledger --service <cluster>/<service> [--limit N] [--json]
                                                                      a service's deployment history, newest first
                  antigravity-lambdas status --service <cluster>/<service> [--watch] [--interval S] [--count N] [--plain]
                                                                      the deployment in flight, ECS, guard alarms, bake left
                  antigravity-lambdas rollback|promote --service <cluster>/<service> [--deployment family:rev] [--reason TEXT]
                                                                      roll the deployment in flight back now / end its bake
                  antigravity-lambdas freeze|resume --service <cluster>/<service> [--reason TEXT]
                                                                      freeze deployments / lift a suspension and the freeze
                  antigravity-lambdas report --service <cluster>/<service> [--days N] [--json]
                                                                      DORA figures from the ledger (default 30 days)
                environment: AWS_REGION, AWS_ENDPOINT_URL (optional), LEDGER_TABLE, PLATFORM_TOPIC_ARN,
                  MANAGED_SERVICES, FREEZE_PARAMETER, BAKE_MINUTES, ROLLBACK_LIMIT, ROLLBACK_WINDOW_MINUTES, ENVIRONMENT,
                  ANTIGRAVITY_OPERATOR (who acts; default USER)""".formatted(HANDLERS.keySet()));
        return 2;
    }
}
