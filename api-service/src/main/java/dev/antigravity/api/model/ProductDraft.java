package dev.antigravity.api.model;

import java.math.BigDecimal;

/** Validated content of a product create or replace. */
public record ProductDraft(String name, String description, BigDecimal price, int stock) {}
