package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many requests racing on the same rows. PostgreSQL is the database these guarantees matter on in
 * production, and H2 is where a newcomer runs the service, so both are exercised.
 */
class OrderConcurrencyTest extends EngineTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentDuplicatesWithOneKeyCreateExactlyOneOrder(Engine engine) throws Exception {
        DomainServices s = services(engine);
        KeyedRequest keyed = keyedRequest(s);

        oneCreatedTheRestReplayed(s, keyed);

        assertThat(ordersOf(s, keyed.customer())).isEqualTo(1);
        assertThat(s.products().get(keyed.product().id()).stock()).isEqualTo(98);
    }

    /** The expired record is deleted by whichever requests find it; one new order, the rest replay it. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentDuplicatesOfAnExpiredKeyCreateExactlyOneNewOrder(Engine engine) throws Exception {
        DomainServices s = services(engine);
        KeyedRequest keyed = keyedRequest(s);
        long first =
                s.orders().place(keyed.customer(), keyed.request(), keyed.key()).orderId();
        wired(engine).clock().advance(OrderService.KEY_RETENTION.plusMinutes(1));

        long second = oneCreatedTheRestReplayed(s, keyed);

        assertThat(second).isNotEqualTo(first);
        assertThat(ordersOf(s, keyed.customer())).isEqualTo(2);
        assertThat(s.products().get(keyed.product().id()).stock()).isEqualTo(96);
    }

    /** One customer's request for 2 of a fresh product (stock 100), under a fresh Idempotency-Key. */
    private record KeyedRequest(Product product, Actor customer, Optional<String> key, OrderRequest request) {}

    private static KeyedRequest keyedRequest(DomainServices s) {
        Product p = product(s, unique("p"), "4.00", 100);
        return new KeyedRequest(
                p, customer(), Optional.of(unique("key")), new OrderRequest(List.of(new OrderRequest.Line(p.id(), 2))));
    }

    /**
     * Races {@link Races#THREADS} copies of the keyed request: exactly one creates an order, every other replays it
     * (same order, same body). Returns the order's id.
     */
    private static long oneCreatedTheRestReplayed(DomainServices s, KeyedRequest keyed) throws Exception {
        List<OrderPlacement> placements =
                Races.race(Races.THREADS, i -> () -> s.orders().place(keyed.customer(), keyed.request(), keyed.key()));
        assertThat(placements).filteredOn(pl -> !pl.replayed()).hasSize(1);
        long created = placements.stream()
                .filter(pl -> !pl.replayed())
                .findFirst()
                .orElseThrow()
                .orderId();
        assertThat(placements).extracting(OrderPlacement::orderId).containsOnly(created);
        assertThat(placements)
                .extracting(OrderPlacement::body)
                .containsOnly(placements.getFirst().body());
        return created;
    }

    private static long ordersOf(DomainServices s, Actor customer) {
        return s.orders()
                .list(customer, Optional.empty(), new PageRequest(0, 100))
                .totalItems();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentOrdersNeverOversellScarceStock(Engine engine) throws Exception {
        DomainServices s = services(engine);
        int initialA = 25;
        int initialB = 12;
        Product a = product(s, unique("a"), "1.00", initialA);
        Product b = product(s, unique("b"), "1.00", initialB);
        int attempts = 48;

        // Each order wants a random amount of A and, every other time, of B too (lines in either order).
        List<Object> results = Races.race(attempts, i -> () -> {
            int qa = ThreadLocalRandom.current().nextInt(1, 4);
            int qb = ThreadLocalRandom.current().nextInt(1, 3);
            List<OrderRequest.Line> lines = i % 2 == 0
                    ? List.of(new OrderRequest.Line(a.id(), qa))
                    : List.of(new OrderRequest.Line(b.id(), qb), new OrderRequest.Line(a.id(), qa));
            try {
                return s.orders().place(customer(), new OrderRequest(lines), Optional.empty());
            } catch (ServiceException e) {
                return e;
            }
        });

        int soldA = 0;
        int soldB = 0;
        int succeeded = 0;
        for (Object result : results) {
            if (result instanceof OrderPlacement placement) {
                succeeded++;
                Order order = s.orders().get(Fixtures.ADMIN, placement.orderId());
                for (var line : order.lines()) {
                    if (line.productId() == a.id()) {
                        soldA += line.quantity();
                    } else {
                        soldB += line.quantity();
                    }
                }
            } else {
                assertThat(Fixtures.status((ServiceException) result)).isEqualTo(409);
            }
        }
        int stockA = s.products().get(a.id()).stock();
        int stockB = s.products().get(b.id()).stock();
        assertThat(succeeded).isPositive().isLessThan(attempts);
        assertThat(stockA).isEqualTo(initialA - soldA).isGreaterThanOrEqualTo(0);
        assertThat(stockB).isEqualTo(initialB - soldB).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentCancellationsReleaseStockOnce(Engine engine) throws Exception {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "1.00", 10);
        Actor customer = customer();
        long id = s.orders()
                .place(customer, new OrderRequest(List.of(new OrderRequest.Line(p.id(), 4))), Optional.empty())
                .orderId();

        List<Object> results = Races.race(Races.THREADS, i -> () -> {
            try {
                return s.orders()
                        .changeStatus(i % 2 == 0 ? customer : Fixtures.ADMIN, id, new StatusChange("CANCELLED"));
            } catch (ServiceException e) {
                return Fixtures.status(e);
            }
        });

        assertThat(results).filteredOn(Order.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(r -> !(r instanceof Order)).containsOnly(409);
        assertThat(s.products().get(p.id()).stock()).isEqualTo(10);
    }
}
