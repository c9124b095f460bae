package dev.antigravity.api.http.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.FieldError;
import dev.antigravity.api.model.PageRequest;

import io.helidon.webserver.http.ServerRequest;

/**
 * Typed, bounded reading of path and query parameters. Every malformed value becomes a 400
 * naming the parameter, so a handler never sees text it did not ask for.
 */
final class RequestParams {
    static final Set<String> PAGING = Set.of("page", "size");

    private RequestParams() {
    }

    /** The {@code {id}} path parameter: a positive 64-bit integer. */
    static long id(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        try {
            long id = Long.parseLong(raw);
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
            throw ApiException.validation(unknown.stream().map(name -> new FieldError(name, message)).toList());
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

    static Optional<BigDecimal> decimal(ServerRequest req, String name) {
        return text(req, name).map(raw -> {
            try {
                // A bound on length keeps "1e999999999" from costing anything.
                if (raw.length() <= 20) {
                    return new BigDecimal(raw);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ApiException.validation(name, "must be a decimal number such as 12.50");
        });
    }

    static Optional<Boolean> bool(ServerRequest req, String name) {
        return text(req, name).map(raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.validation(name, "must be true or false");
        });
    }

    static Optional<LocalDate> date(ServerRequest req, String name) {
        return text(req, name).map(raw -> {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw ApiException.validation(name, "must be a date like 2026-01-31");
            }
        });
    }

    static <E extends Enum<E>> Optional<E> oneOf(ServerRequest req, String name, Class<E> type) {
        return text(req, name).map(raw -> Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(raw))
                .findFirst()
                .orElseThrow(() -> ApiException.validation(name, "must be one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))));
    }
}
