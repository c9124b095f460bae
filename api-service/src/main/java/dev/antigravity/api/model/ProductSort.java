package dev.antigravity.api.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The only fields a product listing may be sorted by. The SQL expression comes from here, never
 * from the request, which is what keeps ORDER BY free of user text. Names sort case-insensitively
 * so that H2 and PostgreSQL (whatever its collation) agree.
 */
public enum ProductSort {
    ID("id", "id"),
    NAME("name", "LOWER(name)"),
    PRICE("price", "price"),
    STOCK("stock", "stock"),
    CREATED_AT("createdAt", "created_at");

    private final String field;
    private final String expression;

    ProductSort(String field, String expression) {
        this.field = field;
        this.expression = expression;
    }

    public String field() {
        return field;
    }

    public String expression() {
        return expression;
    }

    public static Optional<ProductSort> ofField(String field) {
        return Arrays.stream(values()).filter(s -> s.field.equals(field)).findFirst();
    }

    public static String allowedFields() {
        return String.join(", ", Arrays.stream(values()).map(ProductSort::field).toList());
    }
}
