package dev.antigravity.api.service;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of one input so the client learns about all of them at once. */
final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    /** Records {@code message} for {@code field} unless {@code valid}; returns {@code valid}. */
    boolean check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
        return valid;
    }

    /** Checks a required text field: present, not blank, at most {@code maxLength}, no control characters. */
    boolean text(String value, String field, int maxLength) {
        return check(value != null, field, "is required")
                && check(!value.isBlank(), field, "must not be blank")
                && check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters")
                && check(
                        StorableText.isStorable(value),
                        field,
                        "must not contain control characters or unpaired surrogates");
    }

    /** Checks optional free text (line breaks and tabs allowed): at most {@code maxLength}, no other control characters. */
    boolean freeText(String value, String field, int maxLength) {
        return value == null
                || check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters")
                        && check(
                                StorableText.isStorableFreeText(value),
                                field,
                                "must not contain unpaired surrogates or control characters other than line breaks and tabs");
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ServiceException.invalid(errors);
        }
    }
}
