package dev.antigravity.api.model;

import java.time.Instant;

/**
 * A registered user; {@code subject} is the JWT subject the user signs in with. {@code phone}
 * (E.164, or null) receives order SMS only when {@code smsOptIn} is true.
 */
public record User(
        long id,
        String subject,
        String email,
        String name,
        UserRole role,
        String phone,
        boolean smsOptIn,
        Instant createdAt) {

    /** Where order SMS go: the phone number, when the user gave one and opted in. */
    public boolean wantsSms() {
        return phone != null && smsOptIn;
    }
}
