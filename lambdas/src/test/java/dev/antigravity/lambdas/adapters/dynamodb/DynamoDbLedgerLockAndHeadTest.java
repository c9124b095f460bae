package dev.antigravity.lambdas.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.domain.ImageRef;
import dev.antigravity.lambdas.domain.ServiceHead;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.notifyfixtures.LedgerTables;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The decision lock and the head intent as conditional writes on DynamoDB (moto_server). */
class DynamoDbLedgerLockAndHeadTest {
    private static final ServiceRef API = new ServiceRef("prod", "api");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private DynamoDbLedger ledger;

    @BeforeEach
    void table() {
        DynamoDbClient dynamo = MotoServer.client(DynamoDbClient.builder());
        ledger = new DynamoDbLedger(dynamo, LedgerTables.create(dynamo), Clock.systemUTC());
    }

    @Test
    void oneHolderAtATimeUntilReleasedOrTheLeaseEnds() {
        assertThat(ledger.lock(API, "a", T0, T0.plusSeconds(300))).isTrue();
        assertThat(ledger.lock(API, "b", T0.plusSeconds(1), T0.plusSeconds(301)))
                .isFalse();
        ledger.unlock(API, "b"); // not the holder: nothing happens
        assertThat(ledger.lock(API, "b", T0.plusSeconds(2), T0.plusSeconds(302)))
                .isFalse();

        ledger.unlock(API, "a");
        assertThat(ledger.lock(API, "b", T0.plusSeconds(3), T0.plusSeconds(303)))
                .isTrue();
        // b dies holding it: the lease frees it.
        assertThat(ledger.lock(API, "c", T0.plusSeconds(304), T0.plusSeconds(604)))
                .isTrue();
        ledger.unlock(API, "b"); // b's late release must not free c's lock
        assertThat(ledger.lock(API, "d", T0.plusSeconds(305), T0.plusSeconds(605)))
                .isFalse();
    }

    @Test
    void onlyTheHolderRenewsItsLeaseAndOnlyBeforeItLapsed() {
        assertThat(ledger.lock(API, "a", T0, T0.plusSeconds(30))).isTrue();
        assertThat(ledger.renewLock(API, "b", T0.plusSeconds(10), T0.plusSeconds(40)))
                .isFalse(); // not the holder
        assertThat(ledger.renewLock(API, "a", T0.plusSeconds(10), T0.plusSeconds(40)))
                .isTrue();
        assertThat(ledger.lock(API, "b", T0.plusSeconds(35), T0.plusSeconds(65)))
                .isFalse(); // the renewed lease still runs

        // a's heartbeat stopped (it died, or its renewals failed): the lease lapsed and may not be revived.
        assertThat(ledger.renewLock(API, "a", T0.plusSeconds(41), T0.plusSeconds(71)))
                .isFalse();
        assertThat(ledger.lock(API, "b", T0.plusSeconds(41), T0.plusSeconds(71)))
                .isTrue();
        ledger.unlock(API, "b");
        // A renewal racing the release must not recreate the lock.
        assertThat(ledger.renewLock(API, "b", T0.plusSeconds(42), T0.plusSeconds(72)))
                .isFalse();
        assertThat(ledger.lock(API, "c", T0.plusSeconds(43), T0.plusSeconds(73)))
                .isTrue();
    }

    @Test
    void theHeadMovesOnlyFromTheVersionItWasReadAt() {
        ImageRef image = new ImageRef("antigravity/api", "sha256:" + "a".repeat(64), "sha-aaaaaaa");
        ServiceHead first = ServiceHead.intent(API, image, T0, "e1", 0);
        assertThat(ledger.writeHead(first)).isTrue();
        assertThat(ledger.writeHead(ServiceHead.intent(API, image, T0, "e2", 0)))
                .isFalse();

        ServiceHead registered = first.registered("arn:aws:ecs:us-east-1:1:task-definition/api:9");
        assertThat(ledger.writeHead(registered)).isTrue();
        assertThat(ledger.writeHead(first.registered("arn:other"))).isFalse();
        assertThat(ledger.head(API)).contains(registered);
    }
}
