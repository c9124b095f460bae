package dev.antigravity.api.service;

import java.math.BigDecimal;

/** Body of a product create or replace as the client sent it; {@link ProductService} validates it. */
public record ProductInput(String name, String description, BigDecimal price, Integer stock) {}
