package dev.antigravity.api.http.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.http.auth.LocalTokens;
import dev.antigravity.api.http.auth.Role;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@ServerTest
class ConcurrencyLimitServerTest {
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP =
            TestApps.create(DB, Map.of("limits.concurrency", "2", "limits.caller", "1", "limits.wait", "PT0.05S"));
    private static final CountDownLatch ENTERED = new CountDownLatch(2);
    private static final String ALICE = LocalTokens.mint("alice", Role.CUSTOMER);
    private static final String BOB = LocalTokens.mint("bob", Role.CUSTOMER);
    /** Its own threads: the common pool may have a single one on a small machine, and both callers must wait at once. */
    private static final ExecutorService CALLERS = Executors.newVirtualThreadPerTaskExecutor();

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
                    })
                    .get("/test/fast", (req, res) -> res.send("fast"));
        });
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    /** Two callers take both slots; a third caller gets 503, and either of the two a 429 for a second request. */
    @Test
    void requestsBeyondTheLimitsGet503Or429WithRetryAfterAndCapacityReturns() throws Exception {
        CompletableFuture<Integer> alice = slow(ALICE);
        CompletableFuture<Integer> bob = slow(BOB);
        assertThat(ENTERED.await(15, TimeUnit.SECONDS)).isTrue();
        try (Http1ClientResponse res = client.get("/test/fast").request()) {
            assertThat(res.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
            assertThat(res.headers().first(HeaderNames.RETRY_AFTER)).contains("1");
            assertThat(res.as(String.class)).contains("/problems/unavailable");
        }
        try (Http1ClientResponse res = fast(ALICE)) {
            assertThat(res.status()).isEqualTo(Status.TOO_MANY_REQUESTS_429);
            assertThat(res.headers().first(HeaderNames.RETRY_AFTER)).contains("1");
        }
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status()).isEqualTo(Status.OK_200);
        }
        RELEASE.countDown();
        assertThat(alice.get(15, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(bob.get(15, TimeUnit.SECONDS)).isEqualTo(200);
        for (String caller : new String[] {ALICE, BOB}) {
            try (Http1ClientResponse res = fast(caller)) {
                assertThat(res.status()).isEqualTo(Status.OK_200);
            }
        }
    }

    private CompletableFuture<Integer> slow(String token) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (Http1ClientResponse res = client.get("/test/slow")
                            .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                            .request()) {
                        return res.status().code();
                    }
                },
                CALLERS);
    }

    private Http1ClientResponse fast(String token) {
        return client.get("/test/fast")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                .request();
    }
}
