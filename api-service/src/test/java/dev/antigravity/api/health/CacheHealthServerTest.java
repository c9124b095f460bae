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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Redis configured but down: health and readiness say so, and stay UP; catalogue reads still answer. */
@ServerTest
class CacheHealthServerTest {
    private static final Database DATABASE = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(DATABASE, Map.of("cache.url", "redis://127.0.0.1:1"));

    private final Http1Client client;

    CacheHealthServerTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP);
    }

    @AfterAll
    static void close() {
        APP.cache().close();
        DATABASE.close();
    }

    @Test
    void aCacheThatIsDownIsReportedWithoutFailingAnything() {
        for (String path : new String[] {"/ready", "/health"}) {
            try (Http1ClientResponse res = client.get(path).request()) {
                assertThat(res.status()).as(path).isEqualTo(Status.OK_200);
                assertThat(res.as(String.class))
                        .as(path)
                        .contains("\"status\":\"UP\"")
                        .contains("\"cache\":\"DOWN\"");
            }
        }
        try (Http1ClientResponse res = client.get("/api/products").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
        try (Http1ClientResponse res = client.get("/api/products/424242").request()) {
            assertThat(res.status()).isEqualTo(Status.NOT_FOUND_404);
        }
    }
}
