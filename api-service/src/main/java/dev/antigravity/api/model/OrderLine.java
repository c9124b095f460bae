package dev.antigravity.api.model;

import java.math.BigDecimal;

/** One product of an order, with the name and unit price it had when ordered. */
public record OrderLine(long productId, String productName, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
