package dev.antigravity.api.service;

import static dev.antigravity.api.service.Fixtures.ADMIN;
import static dev.antigravity.api.service.Fixtures.customer;
import static dev.antigravity.api.service.Fixtures.fields;
import static dev.antigravity.api.service.Fixtures.problem;
import static dev.antigravity.api.service.Fixtures.product;
import static dev.antigravity.api.service.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.api.config.Json;
import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderServiceTest extends EngineTest {

    private static OrderRequest request(Object... productAndQuantity) {
        List<OrderRequest.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(new OrderRequest.Line((Long) productAndQuantity[i], (Integer) productAndQuantity[i + 1]));
        }
        return new OrderRequest(lines);
    }

    private static Order parse(OrderPlacement placement) throws Exception {
        return Json.mapper().readValue(placement.body(), Order.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void placingAnOrderReservesStockAndPricesTheLines(Engine engine) throws Exception {
        DomainServices s = services(engine);
        Product pen = product(s, unique("pen"), "1.25", 10);
        Product ink = product(s, unique("ink"), "3.10", 5);
        Actor customer = customer();

        OrderPlacement placement = s.orders().place(customer, request(ink.id(), 2, pen.id(), 4), Optional.empty());

        assertThat(placement.replayed()).isFalse();
        Order order = parse(placement);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.customer()).isEqualTo(customer.subject());
        assertThat(order.total()).isEqualByComparingTo("11.20");
        assertThat(order.lines()).extracting(l -> l.productId()).containsExactly(ink.id(), pen.id());
        assertThat(s.orders().get(customer, order.id())).isEqualTo(order);
        assertThat(s.products().get(pen.id()).stock()).isEqualTo(6);
        assertThat(s.products().get(ink.id()).stock()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneShortLineRollsBackTheWholeOrder(Engine engine) {
        DomainServices s = services(engine);
        Product plenty = product(s, unique("plenty"), "1.00", 100);
        Product scarce = product(s, unique("scarce"), "1.00", 1);
        Actor customer = customer();

        ApiException problem =
                problem(() -> s.orders().place(customer, request(plenty.id(), 5, scarce.id(), 2), Optional.empty()));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).contains("Product " + scarce.id());
        assertThat(fields(problem)).containsExactly("lines[1].quantity");
        assertThat(s.products().get(plenty.id()).stock()).isEqualTo(100);
        assertThat(s.products().get(scarce.id()).stock()).isEqualTo(1);
        assertThat(s.orders()
                        .list(customer, Optional.empty(), new PageRequest(0, 10))
                        .totalItems())
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownProductsAndMalformedLinesAreRejected(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "1.00", 5);
        Actor customer = customer();

        ApiException unknown =
                problem(() -> s.orders().place(customer, request(p.id(), 1, Long.MAX_VALUE, 1), Optional.empty()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("lines[1].productId");
        assertThat(s.products().get(p.id()).stock()).isEqualTo(5);

        ApiException malformed = problem(
                () -> s.orders().place(customer, request(p.id(), 0, -3L, 1, null, null, p.id(), 1), Optional.empty()));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed))
                .containsExactly(
                        "lines[0].quantity",
                        "lines[1].productId",
                        "lines[2].productId",
                        "lines[2].quantity",
                        "lines[3].productId");
        assertThat(fields(problem(() -> s.orders().place(customer, new OrderRequest(List.of()), Optional.empty()))))
                .containsExactly("lines");
        assertThat(fields(problem(() -> s.orders().place(customer, request(p.id(), 1), Optional.of("bad key")))))
                .containsExactly("Idempotency-Key");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRepeatedKeyReplaysTheFirstResponseAndOrdersOnce(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 10);
        Actor customer = customer();
        Optional<String> key = Optional.of(unique("key"));

        OrderPlacement first = s.orders().place(customer, request(p.id(), 3), key);
        s.orders().changeStatus(ADMIN, first.orderId(), Fixtures.PAID);
        OrderPlacement again = s.orders().place(customer, request(p.id(), 3), key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(s.products().get(p.id()).stock()).isEqualTo(7);
        assertThat(s.orders()
                        .list(customer, Optional.empty(), new PageRequest(0, 10))
                        .totalItems())
                .isEqualTo(1);

        ApiException reused = problem(() -> s.orders().place(customer, request(p.id(), 4), key));
        assertThat(reused.status()).isEqualTo(422);
        // Keys are per customer: another customer's identical key is a new request.
        assertThat(s.orders().place(customer(), request(p.id(), 3), key).replayed())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExpiredKeyStartsAfresh(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 10);
        Actor customer = customer();
        Optional<String> key = Optional.of(unique("key"));

        OrderPlacement first = s.orders().place(customer, request(p.id(), 1), key);
        wired(engine).clock().advance(OrderService.KEY_RETENTION.plus(Duration.ofMinutes(1)));
        OrderPlacement later = s.orders().place(customer, request(p.id(), 1), key);

        assertThat(later.replayed()).isFalse();
        assertThat(later.orderId()).isNotEqualTo(first.orderId());
        assertThat(s.products().get(p.id()).stock()).isEqualTo(8);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusMovesForwardOnlyAndShippingIsForAdmins(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 10);
        Actor customer = customer();
        long id =
                s.orders().place(customer, request(p.id(), 1), Optional.empty()).orderId();

        assertThat(problem(() -> s.orders().changeStatus(customer, id, new StatusChange("SHIPPED")))
                        .status())
                .isEqualTo(403);
        assertThat(problem(() -> s.orders().changeStatus(customer, id, Fixtures.PAID))
                        .status())
                .isEqualTo(403);
        assertThat(s.orders().changeStatus(ADMIN, id, Fixtures.PAID).status()).isEqualTo(OrderStatus.PAID);
        assertThat(problem(() -> s.orders().changeStatus(ADMIN, id, Fixtures.PAID))
                        .status())
                .isEqualTo(409);
        assertThat(s.orders()
                        .changeStatus(ADMIN, id, new StatusChange("SHIPPED"))
                        .status())
                .isEqualTo(OrderStatus.SHIPPED);
        assertThat(problem(() -> s.orders().changeStatus(ADMIN, id, new StatusChange("CANCELLED")))
                        .status())
                .isEqualTo(409);
        assertThat(s.products().get(p.id()).stock()).isEqualTo(9);
        var audit = s.admin().auditLog(new PageRequest(0, 1)).items().getFirst();
        assertThat(audit.action()).isEqualTo("ORDER_STATUS_CHANGED");
        assertThat(audit.details()).contains("SHIPPED");

        assertThat(fields(problem(() -> s.orders().changeStatus(ADMIN, id, new StatusChange("PENDING")))))
                .containsExactly("status");
        assertThat(fields(problem(() -> s.orders().changeStatus(ADMIN, id, new StatusChange("paid'--")))))
                .containsExactly("status");
        assertThat(fields(problem(() -> s.orders().changeStatus(ADMIN, id, new StatusChange(null)))))
                .containsExactly("status");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cancellingReleasesStockFromPendingOrPaid(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 10);
        Product q = product(s, unique("q"), "3.00", 10);
        Actor customer = customer();
        long pending = s.orders()
                .place(customer, request(p.id(), 4, q.id(), 1), Optional.empty())
                .orderId();
        long paid =
                s.orders().place(customer, request(p.id(), 2), Optional.empty()).orderId();
        s.orders().changeStatus(ADMIN, paid, Fixtures.PAID);

        s.orders().changeStatus(customer, pending, new StatusChange("CANCELLED"));
        s.orders().changeStatus(ADMIN, paid, new StatusChange("CANCELLED"));

        assertThat(s.products().get(p.id()).stock()).isEqualTo(10);
        assertThat(s.products().get(q.id()).stock()).isEqualTo(10);
        assertThat(problem(() -> s.orders().changeStatus(customer, pending, new StatusChange("CANCELLED")))
                        .status())
                .isEqualTo(409);
        assertThat(s.products().get(p.id()).stock()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void customersSeeOnlyTheirOwnOrdersAdminsSeeAll(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 10);
        Actor alice = customer();
        Actor bob = customer();
        long alicesOrder =
                s.orders().place(alice, request(p.id(), 1), Optional.empty()).orderId();
        long bobsOrder =
                s.orders().place(bob, request(p.id(), 1), Optional.empty()).orderId();

        assertThat(problem(() -> s.orders().get(bob, alicesOrder)).status()).isEqualTo(404);
        assertThat(problem(() -> s.orders().changeStatus(bob, alicesOrder, new StatusChange("CANCELLED")))
                        .status())
                .isEqualTo(404);
        assertThat(s.orders()
                        .list(alice, Optional.empty(), new PageRequest(0, 10))
                        .items())
                .extracting(Order::id)
                .containsExactly(alicesOrder);
        assertThat(s.orders()
                        .list(ADMIN, Optional.of(OrderStatus.PENDING), new PageRequest(0, 100))
                        .items())
                .extracting(Order::id)
                .contains(alicesOrder, bobsOrder);
        assertThat(s.orders().get(ADMIN, alicesOrder).customer()).isEqualTo(alice.subject());
        assertThat(s.products().get(p.id()).stock()).isEqualTo(8);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostileSubjectsAndKeysAreJustData(Engine engine) throws Exception {
        DomainServices s = services(engine);
        Product p = product(s, unique("it's; DROP TABLE orders; --"), "1.00", 5);
        Actor customer = new Actor(unique("o'brien\"; DELETE FROM orders; --"), false, "c");
        Optional<String> key = Optional.of(unique("k'--;\"%_"));

        OrderPlacement first = s.orders().place(customer, request(p.id(), 1), key);
        OrderPlacement again = s.orders().place(customer, request(p.id(), 1), key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).isEqualTo(first.body());
        Order order = s.orders().get(customer, first.orderId());
        assertThat(order.customer()).isEqualTo(customer.subject());
        assertThat(order.lines().getFirst().productName()).isEqualTo(p.name());
        assertThat(s.orders()
                        .list(customer, Optional.empty(), new PageRequest(0, 10))
                        .items())
                .extracting(Order::id)
                .containsExactly(first.orderId());
    }

    /** Found by the fuzzing pass: a total past NUMERIC(14, 2) was a 500 from the database. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOrderWhoseTotalCannotBeStoredIsRefusedAndReservesNothing(Engine engine) {
        // Totals past the column need more units than the default orders.quantity.max allows.
        DomainServices s = DomainServices.create(
                wired(engine).database().dbClient(),
                wired(engine).clock(),
                io.helidon.metrics.api.Metrics.globalRegistry(),
                new OrderRules(OrderRules.DEFAULTS.expiry(), 10_001));
        Product dear = product(s, unique("dear"), ProductService.MAX_PRICE.toPlainString(), 1000);
        Actor customer = customer();

        ApiException problem =
                problem(() -> s.orders().place(customer, request(dear.id(), 1000), Optional.of(unique("key"))));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(fields(problem)).containsExactly("lines");
        assertThat(s.products().get(dear.id()).stock()).isEqualTo(1000);
        assertThat(s.orders()
                        .list(customer, Optional.empty(), new PageRequest(0, 10))
                        .totalItems())
                .isZero();
        // The largest storable total is still accepted: 99999999.99 x 10000 + 99.99.
        Product bulk = product(s, unique("bulk"), "99999999.99", 10_000);
        Product topUp = product(s, unique("top-up"), "99.99", 1);
        OrderPlacement largest =
                s.orders().place(customer, request(bulk.id(), 10_000, topUp.id(), 1), Optional.empty());
        assertThat(largest.replayed()).isFalse();
        assertThat(s.orders().get(customer, largest.orderId()).total()).isEqualByComparingTo(OrderService.MAX_TOTAL);
        s.close(); // its payment records written before the class closes the database
    }

    /** Keys completed by the previous release stored the response itself: it is still what they replay. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKeyThatStoredItsResponseReplaysItVerbatim(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 10);
        Actor customer = customer();
        String key = unique("key");
        OrderPlacement first = s.orders().place(customer, request(p.id(), 1), Optional.of(key));
        String stored = "{\"id\":" + first.orderId() + ",\"stored\":true}";
        wired(engine)
                .database()
                .dbClient()
                .execute()
                .createUpdate("UPDATE idempotency_keys SET response_body = :body "
                        + "WHERE customer_subject = :customer AND idempotency_key = :key")
                .addParam("body", stored)
                .addParam("customer", customer.subject())
                .addParam("key", key)
                .execute();

        OrderPlacement again = s.orders().place(customer, request(p.id(), 1), Optional.of(key));

        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).isEqualTo(stored);
    }

    /**
     * The previous release inserts orders with the id column's default while this one draws ids ahead
     * (OrderIds): during a rolling deployment both run against one database, so both must take ids from one
     * sequence.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void ordersInsertedWithTheColumnDefaultAndOrdersPlacedNowNeverShareAnId(Engine engine) {
        DomainServices s = services(engine);
        Product p = product(s, unique("p"), "2.00", 100);
        Actor customer = customer();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(s.orders()
                    .place(customer, request(p.id(), 1), Optional.empty())
                    .orderId());
            ids.add(insertedWithTheColumnDefault(engine, customer.subject()));
        }

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(s.orders()
                        .list(customer, Optional.empty(), new PageRequest(0, 20))
                        .totalItems())
                .isEqualTo(10);
    }

    /** An order row inserted as the previous release inserted them: the id left to the column's default. */
    private long insertedWithTheColumnDefault(Engine engine, String customer) {
        try (var result = wired(engine)
                .database()
                .dbClient()
                .execute()
                .createInsert(
                        "INSERT INTO orders (customer_subject, status, total, created_at, updated_at, created_on) "
                                + "VALUES (:customer, 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_DATE)")
                .addParam("customer", customer)
                .returnGeneratedKeys()
                .insert()) {
            return result.generatedKeys()
                    .findFirst()
                    .map(row -> row.column("id").getLong())
                    .orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
