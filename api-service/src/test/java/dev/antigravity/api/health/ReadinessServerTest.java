package dev.antigravity.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.helidon.webserver.testing.junit5.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With the database unreachable the task is alive but not ready, and says so within the bound. */
@ServerTest
class ReadinessServerTest {
    private static final Database UNREACHABLE = TestDatabases.unreachable(Duration.ofSeconds(30));
    private static final AppContext APP = TestApps.create(UNREACHABLE, Map.of("ready.timeout", "PT0.5S"));

    private final Http1Client client;
    private final Http1Client management;

    ReadinessServerTest(Http1Client client, @Socket(ApiServer.MANAGEMENT_SOCKET) Http1Client management) {
        this.client = client;
        this.management = management;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP);
    }

    @AfterAll
    static void close() {
        UNREACHABLE.close();
    }

    @Test
    void readyIs503WithinItsBoundWhileHealthStaysUp() {
        long start = System.nanoTime();
        try (Http1ClientResponse res = client.get("/ready").request()) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(res.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
            assertThat(res.as(String.class))
                    .contains("\"status\":\"DOWN\"")
                    .contains("\"database\":\"DOWN\"")
                    .contains("\"cache\":\"DISABLED\"");
            assertThat(millis).isLessThan(5_000);
        }
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
        try (Http1ClientResponse res = management.get("/observe/health").request()) {
            assertThat(res.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
        }
    }
}
