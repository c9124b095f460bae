package dev.antigravity.lambdas.adapters.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.aws.AwsEvent;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.codec.MalformedEventException;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Function;

/**
 * The shared body of the event handlers: decode, check the detail-type, run the use case, log one JSON line and
 * return the outcome. Input that can never succeed (malformed, wrong detail-type, misconfiguration) is logged
 * with its reason and acknowledged; anything else (AWS errors after the SDK's own retries) is logged and
 * rethrown, so Lambda retries the event and finally hands it to the DLQ.
 */
public final class EventEntryPoint<E extends AwsEvent> {
    private final String handler;
    private final Class<E> type;
    private final EventCodec codec;
    private final Function<E, Outcome> useCase;
    private final PrintStream log;

    public EventEntryPoint(String handler, Class<E> type, EventCodec codec, Function<E, Outcome> useCase) {
        this(handler, type, codec, useCase, System.out);
    }

    EventEntryPoint(String handler, Class<E> type, EventCodec codec, Function<E, Outcome> useCase, PrintStream log) {
        this.handler = handler;
        this.type = type;
        this.codec = codec;
        this.useCase = useCase;
        this.log = log;
    }

    public void handle(InputStream input, OutputStream output) throws IOException {
        Outcome outcome = run(input);
        output.write(codec.mapper().writeValueAsBytes(OutcomeJson.toJson(codec.mapper(), outcome)));
    }

    public Outcome run(InputStream input) {
        String eventId = null;
        Outcome outcome;
        try {
            AwsEvent event = codec.decodeAwsEvent(input);
            eventId = event.id();
            // Lines written while the use case runs (EMF metrics, adapters using Log) carry the event id too.
            try (LogContext.Scope scope = LogContext.with("handler", handler, "eventId", eventId)) {
                outcome = type.isInstance(event)
                        ? useCase.apply(type.cast(event))
                        : Outcome.of(
                                handler,
                                eventId,
                                Outcome.Result.REJECTED,
                                "unexpected detail-type '" + event.envelope().detailType() + "' from "
                                        + event.envelope().source());
            }
        } catch (MalformedEventException e) {
            outcome = Outcome.of(handler, eventId, Outcome.Result.REJECTED, "malformed event: " + e.getMessage());
        } catch (ConfigurationException e) {
            outcome = Outcome.of(handler, eventId, Outcome.Result.REJECTED, "misconfiguration: " + e.getMessage());
        } catch (RuntimeException e) {
            logLine(
                    "ERROR",
                    Outcome.of(
                            handler,
                            eventId,
                            Outcome.Result.REJECTED,
                            "failed, Lambda will retry: " + e.getClass().getName() + ": " + e.getMessage()));
            throw e;
        }
        logLine(outcome.result() == Outcome.Result.REJECTED ? "WARN" : "INFO", outcome);
        return outcome;
    }

    private void logLine(String level, Outcome outcome) {
        ObjectMapper mapper = codec.mapper();
        ObjectNode line = mapper.createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.setAll(OutcomeJson.toJson(mapper, outcome));
        log.println(line);
    }
}
