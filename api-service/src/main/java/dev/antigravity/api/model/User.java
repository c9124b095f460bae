package dev.antigravity.api.model;

import java.time.Instant;

/** A registered user; {@code subject} is the JWT subject the user signs in with. */
public record User(long id, String subject, String email, String name, UserRole role, Instant createdAt) {
}
