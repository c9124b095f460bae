package dev.antigravity.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.payment.PaymentProviders;
import dev.antigravity.api.testsupport.LogCapture;
import dev.antigravity.api.testsupport.TestApps;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webserver.http.HttpRouting;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The route table (405 + Allow, the traces' route templates) is recorded from the very wiring the server
 * registers, not from a second run of it: the wiring builds the domain services, the payment provider and the
 * background jobs, and a second run built a second set that was never started nor closed, and announced the
 * local payment provider twice in every start's log.
 */
class RoutingWiredOnceTest {
    private static final Database DB = TestDatabases.h2();
    private static final AppContext APP = TestApps.create(DB);

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void theRoutingBuildsThePaymentProviderOnce() {
        try (LogCapture logs = LogCapture.start()) {
            ApiServer.routing(HttpRouting.builder(), APP);

            assertThat(logs.records())
                    .filteredOn(record -> PaymentProviders.class.getName().equals(record.getLoggerName()))
                    .extracting(LogRecord::getLevel)
                    .containsExactly(Level.WARNING);
        }
    }
}
