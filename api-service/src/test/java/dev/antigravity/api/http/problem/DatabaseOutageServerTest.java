package dev.antigravity.api.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With the database unreachable, database routes answer 503 problem+json and log one plain line. */
@ServerTest
class DatabaseOutageServerTest {
    private static final Database UNREACHABLE = TestDatabases.unreachable(Duration.ofMillis(250));
    private static final AppContext APP = TestApps.create(UNREACHABLE);
    // Held strongly: java.util.logging forgets loggers nobody references, handlers included.
    private static final Logger ERRORS = Logger.getLogger(ProblemErrorHandler.class.getName());

    private final Http1Client client;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    DatabaseOutageServerTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP);
    }

    @AfterAll
    static void close() {
        UNREACHABLE.close();
    }

    @BeforeEach
    void captureLogs() {
        ERRORS.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        ERRORS.removeHandler(capture);
    }

    @Test
    void aDatabaseRouteAnswers503ProblemWithRetryAfter() {
        for (String path : List.of("/api/products", "/api/products/1")) {
            try (Http1ClientResponse res = client.get(path).request()) {
                assertThat(res.status()).as(path).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
                assertThat(res.headers().contentType().orElseThrow().text()).isEqualTo(ProblemResponses.MEDIA_TYPE);
                assertThat(res.headers().first(HeaderNames.RETRY_AFTER)).hasValue("5");
                assertThat(res.as(String.class))
                        .contains("\"type\":\"" + ApiException.TYPE_BASE + "unavailable\"")
                        .contains("\"status\":503")
                        .contains("\"instance\":\"" + path + "\"")
                        .contains("\"correlationId\":");
            }
        }
    }

    @Test
    void eachFailureIsOneWarningWithoutStackTrace() {
        try (Http1ClientResponse res = client.get("/api/products").request()) {
            assertThat(res.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
        }
        assertThat(logged).hasSize(1);
        LogRecord record = logged.getFirst();
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getThrown()).isNull();
        assertThat(record.getMessage()).contains("Database unavailable on GET /api/products");
    }
}
