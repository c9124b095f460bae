package dev.antigravity.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales over the orders placed in [from, to] (UTC days), by their current status: revenue counts
 * PAID and SHIPPED orders, as the order statistics do.
 *
 * @param averageOrderValue revenue divided by the paid orders, to the cent; null without paid orders
 * @param paymentFailureRate failed payment attempts over all attempts; null while payments are not recorded
 * @param notes what a reader must know to read the figures right (e.g. a metric that is not available)
 */
public record SalesAnalytics(
        LocalDate from,
        LocalDate to,
        OrderCounts orders,
        BigDecimal revenue,
        BigDecimal averageOrderValue,
        List<DailySales> days,
        List<ProductSales> topProductsByRevenue,
        List<ProductSales> topProductsByUnits,
        BigDecimal paymentFailureRate,
        List<String> notes) {

    /** Orders placed in the range, by what became of them. */
    public record OrderCounts(long placed, long paid, long cancelled, long expired, long pending) {}

    /** One UTC day of the range (days without orders included, with zeros). */
    public record DailySales(LocalDate day, long placed, long paid, long cancelled, long expired, BigDecimal revenue) {}

    /** A product's paid sales in the range; name as the catalogue has it now. */
    public record ProductSales(long productId, String name, long units, BigDecimal revenue) {}
}
