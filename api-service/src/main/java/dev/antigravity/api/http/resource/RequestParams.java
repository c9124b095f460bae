package dev.antigravity.api.http.resource;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.model.PageRequest;
import dev.antigravity.api.service.FieldError;
import io.helidon.webserver.http.ServerRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed, bounded reading of path and query parameters. Every malformed value becomes a 400
 * naming the parameter, so a handler never sees text it did not ask for.
 */
final class RequestParams {
    static final Set<String> PAGING = Set.of("page", "size");
    static final int MAX_DECIMAL_PLACES = 10;
    private static final int MAX_DECIMAL_TEXT = 40;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern FULL_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private RequestParams() {}

    /** The {@code {id}} path parameter: a positive 64-bit integer in plain digits (no sign). */
    static long id(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        try {
            long id = DIGITS.matcher(raw).matches() ? Long.parseLong(raw) : 0;
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like a non-positive id
        }
        throw ApiException.validation("id", "must be a positive integer up to " + Long.MAX_VALUE);
    }

    /** Rejects query parameters the route does not define, so a typo is not silently ignored. */
    static void allowOnly(ServerRequest req, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(req.query().names());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String message = allowed.isEmpty()
                    ? "is not a parameter of this operation, which takes none"
                    : "is not a parameter of this operation; allowed: " + String.join(", ", new TreeSet<>(allowed));
            throw ApiException.validation(
                    unknown.stream().map(name -> new FieldError(name, message)).toList());
        }
    }

    static Optional<String> text(ServerRequest req, String name) {
        if (!req.query().contains(name)) {
            return Optional.empty();
        }
        List<String> values = req.query().all(name);
        if (values.size() != 1) {
            throw ApiException.validation(name, "must be given once");
        }
        return Optional.of(values.getFirst());
    }

    static PageRequest page(ServerRequest req) {
        int page = integer(req, "page", 0, PageRequest.MAX_PAGE).orElse(0);
        int size = integer(req, "size", 1, PageRequest.MAX_SIZE).orElse(PageRequest.DEFAULT_SIZE);
        return new PageRequest(page, size);
    }

    static Optional<Integer> integer(ServerRequest req, String name, int min, int max) {
        return text(req, name).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ApiException.validation(name, "must be an integer from " + min + " to " + max);
        });
    }

    /**
     * A number in [{@code min}, {@code max}] with at most {@link #MAX_DECIMAL_PLACES} decimals.
     * "1e999999999" and "1e-999999999" are short but have a billion digits: the databases refuse
     * them (or a driver writes them out in full), so they are refused here. Comparisons against
     * the bounds look at exponents first and never expand such a number.
     */
    static Optional<BigDecimal> decimal(ServerRequest req, String name, BigDecimal min, BigDecimal max) {
        return text(req, name).map(raw -> {
            try {
                if (raw.length() <= MAX_DECIMAL_TEXT) {
                    BigDecimal value = new BigDecimal(raw);
                    if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0 && value.scale() <= MAX_DECIMAL_PLACES) {
                        return value.scale() < 0 ? value.setScale(0) : value;
                    }
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ApiException.validation(
                    name,
                    "must be a number from " + min.toPlainString() + " to " + max.toPlainString() + " with at most "
                            + MAX_DECIMAL_PLACES + " decimal places, such as 12.50");
        });
    }

    static Optional<Boolean> bool(ServerRequest req, String name) {
        return text(req, name).map(raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.validation(name, "must be true or false");
        });
    }

    /**
     * An RFC 3339 full-date, years 0001 to 9999. Java alone would take "+999999999-12-31", which
     * no database stores and whose next day does not exist.
     */
    static Optional<LocalDate> date(ServerRequest req, String name) {
        return text(req, name).map(raw -> {
            try {
                if (FULL_DATE.matcher(raw).matches()) {
                    LocalDate date = LocalDate.parse(raw);
                    if (date.getYear() >= 1) {
                        return date;
                    }
                }
            } catch (DateTimeParseException ignored) {
                // reported below
            }
            throw ApiException.validation(name, "must be a date from 0001-01-01 to 9999-12-31, like 2026-01-31");
        });
    }

    static <E extends Enum<E>> Optional<E> oneOf(ServerRequest req, String name, Class<E> type) {
        return text(req, name)
                .map(raw -> Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.name().equalsIgnoreCase(raw))
                        .findFirst()
                        .orElseThrow(() -> ApiException.validation(
                                name,
                                "must be one of "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(type.getEnumConstants())
                                                        .map(Enum::name)
                                                        .toList()))));
    }
}
