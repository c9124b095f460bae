package dev.antigravity.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.model.OrderItem;
import dev.antigravity.api.model.OrderStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rules for order input: lines, the Idempotency-Key header and status changes. */
final class OrderValidation {
    static final int MAX_LINES = 100;
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_REASON_LENGTH = 500;

    private OrderValidation() {}

    /** {@code maxQuantity}: the most units one order may reserve, over all its lines. */
    static List<OrderItem> items(OrderRequest request, int maxQuantity) {
        if (request == null) {
            throw ServiceException.malformed("A JSON object with a non-empty 'lines' array is required.");
        }
        Validation v = new Validation();
        List<OrderRequest.Line> lines = request.lines();
        if (!v.check(lines != null && !lines.isEmpty(), "lines", "must contain at least one line")
                || !v.check(lines.size() <= MAX_LINES, "lines", "must contain at most " + MAX_LINES + " lines")) {
            v.throwIfInvalid();
        }
        Set<Long> seen = new HashSet<>();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderRequest.Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!v.check(line != null, at, "must be an object with productId and quantity")) {
                continue;
            }
            Long productId = line.productId();
            if (v.check(productId != null, at + ".productId", "is required")
                    && v.check(productId > 0, at + ".productId", "must be a positive id")) {
                v.check(
                        seen.add(productId),
                        at + ".productId",
                        "appears in more than one line; combine the quantities");
            }
            Integer quantity = line.quantity();
            if (v.check(quantity != null, at + ".quantity", "is required")) {
                v.check(
                        quantity >= 1 && quantity <= maxQuantity,
                        at + ".quantity",
                        "must be between 1 and " + maxQuantity);
            }
            if (productId != null && quantity != null) {
                items.add(new OrderItem(productId, quantity));
            }
        }
        v.throwIfInvalid();
        long units = items.stream().mapToLong(OrderItem::quantity).sum();
        v.check(
                units <= maxQuantity,
                "lines",
                "may reserve at most " + maxQuantity + " units in total; " + units + " requested");
        v.throwIfInvalid();
        return List.copyOf(items);
    }

    /** Keys are opaque tokens (UUIDs, typically): 1–255 visible ASCII characters. */
    static String idempotencyKey(String key) {
        Validation v = new Validation();
        v.check(
                !key.isEmpty() && key.length() <= MAX_KEY_LENGTH,
                "Idempotency-Key",
                "must be 1 to " + MAX_KEY_LENGTH + " characters");
        v.check(
                key.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                "Idempotency-Key",
                "must consist of visible ASCII characters");
        v.throwIfInvalid();
        return key;
    }

    static OrderStatus status(StatusChange change) {
        Validation v = new Validation();
        if (change == null) {
            throw ServiceException.malformed("A JSON object with the target 'status' is required.");
        }
        OrderStatus status = null;
        if (v.check(change.status() != null, "status", "is required")) {
            try {
                status = OrderStatus.valueOf(change.status());
            } catch (IllegalArgumentException e) {
                v.check(false, "status", "must be one of PAID, SHIPPED, CANCELLED");
            }
        }
        v.check(status != OrderStatus.PENDING, "status", "orders cannot be moved back to PENDING");
        v.check(status != OrderStatus.EXPIRED, "status", "orders expire by themselves; cancel instead");
        v.check(status != OrderStatus.REFUNDED, "status", "orders are refunded by their payment; cancel instead");
        v.throwIfInvalid();
        return status;
    }

    /**
     * The reason given for a status change: required to mark an order PAID by hand (the audit log
     * must say what payment the administrator saw), optional otherwise.
     */
    static Optional<String> reason(StatusChange change, OrderStatus target) {
        Validation v = new Validation();
        if (target == OrderStatus.PAID || change.reason() != null) {
            v.text(change.reason(), "reason", MAX_REASON_LENGTH);
        }
        v.throwIfInvalid();
        return Optional.ofNullable(change.reason());
    }

    /** Identifies the request body independent of JSON formatting, to detect a reused key. */
    static String fingerprint(List<OrderItem> items) {
        try {
            byte[] canonical = Json.mapper().writeValueAsString(items).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Fingerprinting an order cannot fail", e);
        }
    }
}
