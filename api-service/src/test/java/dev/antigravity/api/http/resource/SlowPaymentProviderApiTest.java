package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.service.Races;
import dev.antigravity.api.testsupport.RecordingProxy;
import dev.antigravity.api.testsupport.StripeMock;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An order holds its concurrency slot through the PaymentIntent call, when it holds no database
 * connection. With the default limits (no {@code limits.*} set here), a Stripe slower than the
 * slot wait must not turn a burst of orders a little larger than the connection pool into 503s
 * while the pool sits idle. stripe-mock answers, behind a proxy that holds every call.
 */
@ServerTest
@ExtendWith(StripeMock.Required.class)
class SlowPaymentProviderApiTest {
    /** Longer than the default slot wait (0.2 s) by far, as a payment provider's bad minute is. */
    private static final Duration PROVIDER_DELAY = Duration.ofMillis(800);

    private static Database database;
    private static RecordingProxy stripe;

    private final Api api;
    private final World world;

    SlowPaymentProviderApiTest(Http1Client client) {
        this.api = new Api(client);
        this.world = new World(api);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        database = TestDatabases.h2();
        stripe = RecordingProxy.to(URI.create(StripeMock.url()), PROVIDER_DELAY);
        ApiServer.configure(
                server,
                TestApps.create(
                        database,
                        Map.of(
                                "payments.stripe.key",
                                StripeMock.SECRET_KEY,
                                "payments.stripe.url",
                                stripe.uri().toString(),
                                "payments.webhook.secret",
                                "whsec_slow_provider_test")));
    }

    @AfterAll
    static void close() {
        stripe.close();
        database.close();
    }

    @Test
    void aBurstOfOrdersLargerThanThePoolIsServedWhileStripeIsSlow() throws Exception {
        int orders = database.maxPoolSize() + database.maxPoolSize() / 2;
        List<Caller> customers = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Caller customer = Caller.customer("slow-provider-" + i);
            world.register(customer, "CUSTOMER");
            customers.add(customer);
        }
        long product = world.newProduct(1_000);

        List<Api.Reply> replies =
                Races.race(orders, i -> () -> api.post("/api/orders", customers.get(i), World.orderBody(product, 1)));

        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
        assertThat(stripe.exchanges())
                .filteredOn(exchange -> exchange.path().startsWith("/v1/payment_intents"))
                .hasSizeGreaterThanOrEqualTo(orders);
    }
}
