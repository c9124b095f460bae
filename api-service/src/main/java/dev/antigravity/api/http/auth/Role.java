package dev.antigravity.api.http.auth;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do; derived from the token's {@code roles} claim. */
public enum Role {
    ADMIN,
    CUSTOMER;

    /** The role named by a claim value ("admin", "CUSTOMER", ...), if it names one. */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
