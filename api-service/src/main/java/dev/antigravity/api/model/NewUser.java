package dev.antigravity.api.model;

/** A validated user registration, email already normalised to lower case. */
public record NewUser(String subject, String email, String name, UserRole role) {
}
