package dev.antigravity.lambdas.integration.hooks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.lambdas.handlers.NotifierHandler;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The real handlers for the bench/ failure drills (bench/lib/hooks_drill.py), run from test code because ECS on moto
 * needs {@link MotoEcsGaps}, which stays out of the Lambda jar. Reads one request per line on stdin,
 * {@code {"handler": "AlarmHandler", "environment": {...}, "event": {...}}}, and answers one line per request on
 * stdout: {@code {"handler", "millis", "outcome"}} with the handler's JSON output, or {@code {"handler", "millis",
 * "error"}} when it threw (as Lambda would report a failed invocation). Each request builds its handler afresh from
 * this process's environment plus the request's, as a Lambda cold start does (without the JVM start); handler logs go
 * to stderr so stdout carries the answers alone.
 */
public final class DrillHandlers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The handlers the drills drive: those that call ECS over moto's gaps, and the notifier (no ECS). */
    static final Map<String, Function<Map<String, String>, RequestStreamHandler>> HANDLERS = new LinkedHashMap<>();

    static {
        HANDLERS.put("ImagePushHandler", MotoHandlers::imagePush);
        HANDLERS.put("DeploymentEventHandler", MotoHandlers::deploymentEvent);
        HANDLERS.put("AlarmHandler", MotoHandlers::alarm);
        HANDLERS.put("StabilizerHandler", MotoHandlers::stabilizer);
        HANDLERS.put("NotifierHandler", NotifierHandler::new);
    }

    private DrillHandlers() {}

    public static void main(String[] args) throws IOException {
        PrintStream answers = System.out;
        System.setOut(System.err);
        serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), answers, System.getenv());
    }

    /** Answers every request line of {@code requests} until its end. */
    static void serve(BufferedReader requests, PrintStream answers, Map<String, String> baseEnvironment)
            throws IOException {
        for (String line = requests.readLine(); line != null; line = requests.readLine()) {
            if (!line.isBlank()) {
                answers.println(answer(line, baseEnvironment));
                answers.flush();
            }
        }
    }

    static String answer(String line, Map<String, String> baseEnvironment) {
        ObjectNode answer = JSON.createObjectNode();
        long started = System.nanoTime();
        try {
            JsonNode request = JSON.readTree(line);
            String name = request.path("handler").asText();
            answer.put("handler", name);
            Function<Map<String, String>, RequestStreamHandler> factory = HANDLERS.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("unknown handler '" + name + "'; one of " + HANDLERS.keySet());
            }
            if (!request.path("event").isObject()) {
                throw new IllegalArgumentException("the request has no event object");
            }
            Map<String, String> environment = new HashMap<>(baseEnvironment);
            request.path("environment")
                    .properties()
                    .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
            answer.set("outcome", invoke(factory.apply(environment), JSON.writeValueAsBytes(request.get("event"))));
        } catch (IOException | RuntimeException e) {
            answer.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        answer.put("millis", (System.nanoTime() - started) / 1_000_000);
        return answer.toString();
    }

    private static JsonNode invoke(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), output, null);
        try {
            return JSON.readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("the handler's output is not JSON: " + output, e);
        }
    }
}
