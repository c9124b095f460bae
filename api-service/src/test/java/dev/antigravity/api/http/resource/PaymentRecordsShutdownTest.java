package dev.antigravity.api.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.model.PaymentStatus;
import dev.antigravity.api.repository.PaymentRepository;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's stop writes the created PaymentIntents still pending (before the pool closes, as
 * {@code GracefulShutdown} orders it): an order placed just before a shutdown has its intent recorded.
 */
class PaymentRecordsShutdownTest {
    @Test
    void stoppingTheServerWritesThePendingRecords() {
        Database database = TestDatabases.h2();
        WebServer server = ApiServer.configure(
                        WebServer.builder().host("127.0.0.1").port(0),
                        TestApps.create(database, Map.of("payments.records.linger", "PT1H")))
                .build()
                .start();
        PaymentRepository payments = new PaymentRepository();
        try {
            World world = new World(new Api(Http1Client.builder()
                    .baseUri("http://127.0.0.1:" + server.port())
                    .build()));
            long order = world.newOrder(world.owner);
            assertThat(payments.findByOrder(database.dbClient().execute(), order)
                            .orElseThrow()
                            .status())
                    .as("pending for an hour")
                    .isEqualTo(PaymentStatus.CREATING);

            server.stop();

            var recorded =
                    payments.findByOrder(database.dbClient().execute(), order).orElseThrow();
            assertThat(recorded.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
            assertThat(recorded.providerPaymentId()).startsWith("pi_local_");
        } finally {
            server.stop();
            database.close();
        }
    }
}
