package dev.antigravity.api.model;

import java.math.BigDecimal;
import java.util.Optional;

/** Filters, sort and page of a product listing; every filter is optional. */
public record ProductQuery(
        Optional<String> nameContains,
        Optional<BigDecimal> minPrice,
        Optional<BigDecimal> maxPrice,
        Optional<Boolean> inStock,
        ProductSort sort,
        SortDirection direction,
        PageRequest page) {}
