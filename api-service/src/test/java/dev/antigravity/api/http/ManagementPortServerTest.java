package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.helidon.webserver.testing.junit5.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Business data stays off the internet (issue 10, finding 7): metrics (revenue, refunds, order
 * counts) and detailed health (heap, disk) were served on the API port, which the load balancer
 * forwards as {@code /*}. They now live on the management port ({@code management.port}), which
 * no target group points at; the API port keeps only {@code /health} and {@code /ready}.
 */
@ServerTest
class ManagementPortServerTest {
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(DB);

    private final Http1Client api;
    private final Http1Client management;

    ManagementPortServerTest(Http1Client api, @Socket(ApiServer.MANAGEMENT_SOCKET) Http1Client management) {
        this.api = api;
        this.management = management;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP);
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void observabilityIsNotServedOnTheApiPort() {
        for (String path : List.of("/observe/metrics", "/observe/health", "/observe", "/observe/info")) {
            assertThat(status(api, path)).as(path).isEqualTo(404);
        }
        assertThat(status(api, "/health")).isEqualTo(200);
        assertThat(status(api, "/ready")).isEqualTo(200);
    }

    @Test
    void observabilityIsServedOnTheManagementPort() {
        try (Http1ClientResponse res = management
                .get("/observe/metrics")
                .header(HeaderNames.ACCEPT, "text/plain")
                .request()) {
            assertThat(res.status().code()).isEqualTo(200);
            assertThat(res.as(String.class)).contains("orders_revenue_cents_total");
        }
        try (Http1ClientResponse res = management.get("/observe/health").request()) {
            assertThat(res.status().code()).isEqualTo(200);
            assertThat(res.as(String.class)).contains("database", "diskSpace");
        }
        assertThat(status(management, "/api/products")).isEqualTo(404);
    }

    private static int status(Http1Client client, String path) {
        try (Http1ClientResponse res = client.get(path).request()) {
            return res.status().code();
        }
    }
}
