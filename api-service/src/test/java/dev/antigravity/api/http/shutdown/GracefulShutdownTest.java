package dev.antigravity.api.http.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.metrics.EmfCapture;
import dev.antigravity.api.metrics.EmfRequestMetrics;
import dev.antigravity.api.testsupport.Eventually;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The SIGTERM path with requests in flight, against a real server: readiness turns 503 first,
 * requests that arrive during the drain delay are still served, every in-flight request
 * completes with 2xx, afterwards new connections are refused, and the request metrics still held in memory are
 * written (every request counted, none twice).
 */
class GracefulShutdownTest {
    private static final int IN_FLIGHT = 8;
    // Generous: the assertions made during the drain must finish before it ends, even on a busy CI
    // machine, and the slow requests must still be running when the listener closes after it.
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Duration HANDLER_TIME = DRAIN.plusSeconds(3);

    @Test
    void inFlightRequestsCompleteAndReadinessTurns503First() throws Exception {
        Database db = TestDatabases.h2();
        AppContext defaults = TestApps.create(db, Map.of("shutdown.grace", "PT10S", "limits.concurrency", "64"));
        EmfCapture emf = new EmfCapture();
        AppContext app = new AppContext(
                defaults.config(),
                defaults.database(),
                defaults.clock(),
                defaults.json(),
                defaults.metrics(),
                defaults.drain(),
                defaults.telemetry(),
                defaults.cache(),
                emf.aggregator());
        CountDownLatch entered = new CountDownLatch(IN_FLIGHT);
        WebServer server = ApiServer.configure(
                        WebServer.builder().host("127.0.0.1").port(0), app)
                .routing(routing -> {
                    ApiServer.routing(routing, app);
                    routing.get("/test/slow", (req, res) -> {
                        entered.countDown();
                        Thread.sleep(HANDLER_TIME);
                        res.send("done");
                    });
                })
                .build()
                .start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            slow.add(client.sendAsync(get(base, "/test/slow"), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(entered.await(10, TimeUnit.SECONDS))
                .as("all slow requests in flight")
                .isTrue();
        assertThat(status(client, base, "/ready")).isEqualTo(200);

        GracefulShutdown shutdown = new GracefulShutdown(server, app.drain(), DRAIN, db, app.emf());
        AtomicBoolean finished = new AtomicBoolean();
        Thread stopper = Thread.ofVirtual().start(() -> {
            shutdown.run();
            finished.set(true);
        });

        // During the drain delay: not ready, but still serving (the load balancer may still route here).
        Eventually.assertThat(
                Duration.ofSeconds(5), () -> assertThat(app.drain().draining()).isTrue());
        assertThat(status(client, base, "/ready")).as("readiness during drain").isEqualTo(503);
        assertThat(status(client, base, "/health"))
                .as("still serving during drain")
                .isEqualTo(200);
        assertThat(finished).as("server still running while readiness is 503").isFalse();

        stopper.join(Duration.ofSeconds(20));
        assertThat(finished).as("shutdown completed").isTrue();
        for (CompletableFuture<HttpResponse<String>> response : slow) {
            HttpResponse<String> r = response.get(5, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("done");
        }
        assertThatThrownBy(() ->
                        HttpClient.newHttpClient().send(get(base, "/health"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        // Read without flushing: the shutdown wrote them. The slow requests, two /ready and one /health.
        double requests = emf.lines().stream()
                .flatMap(line -> EmfCapture.values(line, EmfRequestMetrics.REQUESTS).stream())
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(requests).isEqualTo(IN_FLIGHT + 3);
    }

    private static HttpRequest get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private static int status(HttpClient client, URI base, String path) throws IOException, InterruptedException {
        return client.send(get(base, path), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
