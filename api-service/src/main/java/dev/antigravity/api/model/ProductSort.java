package dev.antigravity.api.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The only columns a product listing may be sorted by. The SQL column comes from here, never
 * from the request, which is what keeps ORDER BY free of user text.
 */
public enum ProductSort {
    ID("id", "id"),
    NAME("name", "name"),
    PRICE("price", "price"),
    STOCK("stock", "stock"),
    CREATED_AT("createdAt", "created_at");

    private final String field;
    private final String column;

    ProductSort(String field, String column) {
        this.field = field;
        this.column = column;
    }

    public String field() {
        return field;
    }

    public String column() {
        return column;
    }

    public static Optional<ProductSort> ofField(String field) {
        return Arrays.stream(values()).filter(s -> s.field.equals(field)).findFirst();
    }

    public static String allowedFields() {
        return String.join(", ", Arrays.stream(values()).map(ProductSort::field).toList());
    }
}
