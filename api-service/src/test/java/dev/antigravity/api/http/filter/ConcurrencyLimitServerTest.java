package dev.antigravity.api.http.filter;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class ConcurrencyLimitServerTest {
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(DB, Map.of("limits.concurrency", "1", "limits.wait", "PT0.05S"));
    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private final Http1Client client;

    ConcurrencyLimitServerTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ApiServer.configure(server, APP).routing(routing -> {
            ApiServer.routing(routing, APP);
            routing.get("/test/slow", (req, res) -> {
                ENTERED.countDown();
                RELEASE.await(10, TimeUnit.SECONDS);
                res.send("done");
            }).get("/test/fast", (req, res) -> res.send("fast"));
        });
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void requestsBeyondTheLimitGet503WithRetryAfterAndCapacityReturns() throws Exception {
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
            try (Http1ClientResponse res = client.get("/test/slow").request()) {
                return res.status().code();
            }
        });
        assertThat(ENTERED.await(15, TimeUnit.SECONDS)).isTrue();
        try (Http1ClientResponse res = client.get("/test/fast").request()) {
            assertThat(res.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
            assertThat(res.headers().first(HeaderNames.RETRY_AFTER)).contains("1");
            assertThat(res.as(String.class)).contains("/problems/unavailable");
        }
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
        RELEASE.countDown();
        assertThat(slow.get(15, TimeUnit.SECONDS)).isEqualTo(200);
        try (Http1ClientResponse res = client.get("/test/fast").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
    }
}
