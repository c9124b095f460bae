package dev.antigravity.lambdas.app;

import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.lambdas.domain.port.LedgerPort;
import dev.antigravity.lambdas.fakes.InMemoryLedger;
import dev.antigravity.lambdas.fakes.MutableClock;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The decision lock's lease: short, renewed by a heartbeat while the holder works, so a dead holder's lock frees
 * within one lease; and fenced: a holder whose lease lapsed does not get to act.
 */
class ServiceLockTest {
    private static final Duration LEASE = ServiceLock.DEFAULT_LEASE;

    private final MutableClock clock = new MutableClock(TestPlatform.START);
    private final InMemoryLedger ledger = new InMemoryLedger();
    /** The beats the holder's heartbeat would run; the test runs them when it says time passed. */
    private final List<BooleanSupplier> beats = new ArrayList<>();

    private final ServiceLock lock = new ServiceLock(
            ledger,
            clock,
            LEASE,
            clock::advance,
            (every, beat) -> {
                beats.add(beat);
                return () -> beats.remove(beat);
            },
            () -> "holder");

    private boolean someoneElseTakesTheLock() {
        return ledger.lock(API, "other", clock.instant(), clock.instant().plus(LEASE));
    }

    @Test
    void aLiveHoldersHeartbeatKeepsItsLockThroughASlowCall() {
        lock.holding(API, () -> {
            for (int i = 0; i < 10; i++) { // five minutes of a slow call, beating every ten seconds
                clock.advance(LEASE.dividedBy(3));
                assertThat(beats).allMatch(BooleanSupplier::getAsBoolean);
            }
            assertThat(someoneElseTakesTheLock()).isFalse();
            lock.fence(API); // still the holder: may act
            return null;
        });

        assertThat(beats).isEmpty(); // the heartbeat stops with the decision
        assertThat(ledger.locked(API)).isFalse();
    }

    @Test
    void aHolderWhoseLeaseLapsedAndWasTakenIsFencedOffBeforeItActs() {
        List<String> acted = new ArrayList<>();
        assertThatThrownBy(() -> lock.holding(API, () -> {
                    clock.advance(LEASE.plusSeconds(1)); // frozen, its renewals failing: the lease lapses
                    assertThat(someoneElseTakesTheLock()).isTrue();
                    lock.fence(API);
                    acted.add("UpdateService");
                    return null;
                }))
                .isInstanceOf(ServiceLock.LeaseLost.class);

        assertThat(acted).isEmpty();
        assertThat(ledger.locked(API)).isTrue(); // the other holder's lock is not released by the fenced one
    }

    @Test
    void aLapsedLeaseIsNotRevivedEvenWhenNobodyTookTheLock() {
        assertThatThrownBy(() -> lock.holding(API, () -> {
                    clock.advance(LEASE.plusSeconds(1));
                    lock.fence(API);
                    return null;
                }))
                .isInstanceOf(ServiceLock.LeaseLost.class);
    }

    @Test
    void aHeartbeatThatFindsTheLeaseGoneStopsAndTheFenceRefuses() {
        assertThatThrownBy(() -> lock.holding(API, () -> {
                    clock.advance(LEASE.plusSeconds(1));
                    assertThat(beats.getFirst().getAsBoolean()).isFalse(); // beating stops
                    lock.fence(API);
                    return null;
                }))
                .isInstanceOf(ServiceLock.LeaseLost.class);
    }

    @Test
    void aLockGrantedTooLateToCountOnIsLetGoAndTakenAfresh() {
        // The first lock write is answered 25 s after it was sent (throttled, retried by the SDK): 5 s of its lease
        // are left, too little to decide and act in.
        AtomicInteger slowAnswers = new AtomicInteger(1);
        LedgerPort slowFirstLock = (LedgerPort) Proxy.newProxyInstance(
                LedgerPort.class.getClassLoader(), new Class<?>[] {LedgerPort.class}, (proxy, method, args) -> {
                    Object answer = method.invoke(ledger, args);
                    if (method.getName().equals("lock") && slowAnswers.getAndDecrement() > 0) {
                        clock.advance(Duration.ofSeconds(25));
                    }
                    return answer;
                });
        ServiceLock slowLock =
                new ServiceLock(slowFirstLock, clock, LEASE, clock::advance, (every, beat) -> () -> {}, () -> "holder");

        boolean takenBySomeoneElse = slowLock.holding(API, () -> {
            clock.advance(Duration.ofSeconds(15));
            return someoneElseTakesTheLock();
        });

        assertThat(takenBySomeoneElse)
                .as("a whole lease held from when it was taken again")
                .isFalse();
    }

    @Test
    void actingWithoutHoldingTheLockIsABug() {
        assertThatThrownBy(() -> lock.fence(API)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theVirtualThreadHeartbeatBeatsUntilClosed() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        try (ServiceLock.Heartbeat.Beating beating =
                ServiceLock.Heartbeat.VIRTUAL_THREAD.start(Duration.ofMillis(1), () -> {
                    three.countDown();
                    return true;
                })) {
            assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
