package dev.antigravity.api.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.model.Order;
import dev.antigravity.api.model.OrderItem;
import dev.antigravity.api.model.OrderLine;
import dev.antigravity.api.model.OrderStatus;
import dev.antigravity.api.model.Product;
import dev.antigravity.api.model.ProductDraft;
import dev.antigravity.api.testsupport.TestDatabases.Engine;
import io.helidon.dbclient.DbClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The conditional writes and constraints the services rely on, on both databases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final Map<Engine, Database> databases = new EnumMap<>(Engine.class);
    private final ProductRepository products = new ProductRepository();
    private final OrderRepository orders = new OrderRepository();
    private final IdempotencyRepository keys = new IdempotencyRepository();

    private synchronized DbClient db(Engine engine) {
        return databases.computeIfAbsent(engine, Engine::open).dbClient();
    }

    @AfterAll
    void close() {
        databases.values().forEach(Database::close);
    }

    /** Runs {@code statement} in a transaction of its own, through a {@link Pipeline} as orders do. */
    private Pipeline.Result run(Engine engine, Sql statement) {
        return new Transactions(db(engine)).pipelined(pipeline -> pipeline.run(statement));
    }

    private Optional<ProductRepository.StockTaken> reserve(Engine engine, long id, int quantity) {
        return products.reserved(run(engine, products.reserveStock(id, quantity, NOW)));
    }

    private Product product(Engine engine, int stock) {
        return products.insert(db(engine).execute(), new ProductDraft("p", "", new BigDecimal("1.50"), stock), NOW);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stockIsReservedOnlyWhileEnoughIsLeftAndTakingMoreFailsTheStatement(Engine engine) {
        var db = db(engine).execute();
        Product p = product(engine, 5);

        assertThat(reserve(engine, p.id(), 3)).isPresent();
        assertThat(products.findById(db, p.id()).orElseThrow().stock()).isEqualTo(2);
        assertThatThrownBy(() -> reserve(engine, p.id(), 3))
                .satisfies(e ->
                        assertThat(Constraints.mentions(e, "ck_products_stock")).isTrue());
        assertThat(products.findById(db, p.id()).orElseThrow().stock()).isEqualTo(2);
        assertThat(reserve(engine, p.id(), 2)).contains(new ProductRepository.StockTaken(p.id(), p.name(), p.price()));
        assertThat(products.findById(db, p.id()).orElseThrow().stock()).isZero();
        assertThatThrownBy(() -> reserve(engine, p.id(), 1))
                .satisfies(e ->
                        assertThat(Constraints.mentions(e, "ck_products_stock")).isTrue());
        assertThat(reserve(engine, Long.MAX_VALUE, 1)).isEmpty();
        products.releaseStock(db, p.id(), 4, NOW);
        assertThat(products.findById(db, p.id()).orElseThrow().stock()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSchemaItselfRefusesNegativeStockAndNonPositivePrices(Engine engine) {
        var db = db(engine).execute();
        Product p = product(engine, 1);

        assertThatThrownBy(() -> db.createUpdate("UPDATE products SET stock = -1 WHERE id = :id")
                        .addParam("id", p.id())
                        .execute())
                .satisfies(e ->
                        assertThat(Constraints.mentions(e, "ck_products_stock")).isTrue());
        assertThatThrownBy(() -> db.createUpdate("UPDATE products SET price = 0 WHERE id = :id")
                        .addParam("id", p.id())
                        .execute())
                .satisfies(e ->
                        assertThat(Constraints.mentions(e, "ck_products_price")).isTrue());
        assertThat(products.findById(db, p.id()).orElseThrow()).isEqualTo(p);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusChangesOnlyFromTheExpectedStatus(Engine engine) {
        var db = db(engine).execute();
        Product p = product(engine, 10);
        OrderIds ids = new OrderIds(Duration.ofSeconds(1), 1);
        Order order = new Transactions(db(engine)).pipelined(pipeline -> {
            long id = OrderIds.id(pipeline.run(ids.draw()));
            List<OrderLine> lines = List.of(new OrderLine(p.id(), "p", 2, p.price()));
            Order placed = new Order(id, "someone", OrderStatus.PENDING, new BigDecimal("3.00"), lines, NOW, NOW);
            pipeline.run(List.of(
                    orders.insert(id, "someone", NOW),
                    orders.lines(id, List.of(new OrderItem(p.id(), 2))),
                    orders.priced(id)));
            return placed;
        });

        assertThat(orders.findById(db, order.id())).contains(order);
        assertThat(order.total()).isEqualByComparingTo("3.00");
        assertThat(orders.updateStatus(db, order.id(), OrderStatus.PAID, OrderStatus.SHIPPED, NOW))
                .isFalse();
        assertThat(orders.updateStatus(db, order.id(), OrderStatus.PENDING, OrderStatus.PAID, NOW))
                .isTrue();
        assertThat(orders.updateStatus(db, order.id(), OrderStatus.PENDING, OrderStatus.CANCELLED, NOW))
                .isFalse();
        assertThat(orders.findById(db, order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(orders.findById(db, Long.MAX_VALUE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKeyIsClaimedOncePerCustomerAndForgottenOnlyWhenOld(Engine engine) {
        var db = db(engine).execute();
        run(engine, keys.claim("alice", "k1", "f1", NOW));
        run(engine, keys.claim("bob", "k1", "f2", NOW));

        assertThatThrownBy(() -> run(engine, keys.claim("alice", "k1", "f3", NOW)))
                .satisfies(e -> assertThat(Constraints.isUniqueViolation(e)).isTrue());
        keys.forgetIfOlderThan(db, "alice", "k1", NOW);
        assertThat(keys.find(db, "alice", "k1")).map(r -> r.fingerprint()).contains("f1");
        keys.forgetIfOlderThan(db, "alice", "k1", NOW.plusSeconds(1));
        assertThat(keys.find(db, "alice", "k1")).isEmpty();
        assertThat(keys.find(db, "bob", "k1")).map(r -> r.response()).contains(Optional.empty());
    }
}
