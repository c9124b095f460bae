package dev.antigravity.api.service;

import java.util.List;

/** Body of a new order as the client sent it; {@link OrderService} validates it. */
public record OrderRequest(List<Line> lines) {

    /** One requested product and quantity. */
    public record Line(Long productId, Integer quantity) {}
}
