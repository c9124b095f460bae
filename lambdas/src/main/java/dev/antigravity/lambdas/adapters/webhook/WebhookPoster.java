package dev.antigravity.lambdas.adapters.webhook;

import dev.antigravity.lambdas.domain.notification.Channel;
import dev.antigravity.lambdas.domain.notification.DeliveryFailedException;
import dev.antigravity.lambdas.domain.notification.RetryAfter;
import dev.antigravity.lambdas.domain.notification.RetrySchedule;
import dev.antigravity.lambdas.logging.Log;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * POSTs a JSON document to a third-party webhook with timeouts and bounded retries.
 *
 * <p>Retried: 408, 425, 429 and 5xx (honouring {@code Retry-After}), connection failures and timeouts. Not retried:
 * any other 4xx — the same request cannot succeed, so it is logged loudly and surfaced as a permanent failure at
 * once. The target is named by a label, never by its URI: a Slack webhook URL is itself the secret.
 */
public final class WebhookPoster {
    private static final Log LOG = Log.of(WebhookPoster.class);

    private final HttpClient client;
    private final Duration readTimeout;
    private final RetrySchedule schedule;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final DoubleSupplier random;

    public WebhookPoster(
            HttpClient client,
            Duration readTimeout,
            RetrySchedule schedule,
            Sleeper sleeper,
            InstantSource clock,
            DoubleSupplier random) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.schedule = schedule;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    /**
     * An HTTP/1.1 client with the connect timeout every outbound call shares (HTTP/1.1: no h2c upgrade dance on
     * plain-HTTP test listeners, and one small request per call gains nothing from HTTP/2).
     */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns the 2xx response body; throws {@link DeliveryFailedException} when retries are spent or futile. */
    public String post(Channel channel, URI target, String jsonBody) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        String lastProblem = "no attempt made";
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                lastProblem = "HTTP " + status + " " + abbreviate(response.body());
                if (!retryable(status)) {
                    LOG.error(
                            "channel rejected the message; not retrying, the same request cannot succeed "
                                    + "(check the secret and the payload)",
                            null,
                            "channel",
                            channel,
                            "status",
                            status,
                            "response",
                            abbreviate(response.body()));
                    throw new DeliveryFailedException(channel, true, lastProblem, null);
                }
                retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .flatMap(value -> RetryAfter.parse(value, clock.instant()));
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailedException(channel, false, "interrupted after " + lastProblem, e);
            }
            if (!schedule.mayRetryAfter(attempt)) {
                throw new DeliveryFailedException(
                        channel, false, "gave up after " + attempt + " attempts, last: " + lastProblem, null);
            }
            Duration wait = schedule.delayAfter(attempt, retryAfter, random);
            LOG.warn(
                    "delivery attempt failed; retrying",
                    "channel",
                    channel,
                    "attempt",
                    attempt,
                    "problem",
                    lastProblem,
                    "retryInMillis",
                    wait.toMillis(),
                    "serverAskedRetryAfter",
                    retryAfter.isPresent());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailedException(channel, false, "interrupted after " + lastProblem, e);
            }
        }
    }

    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
