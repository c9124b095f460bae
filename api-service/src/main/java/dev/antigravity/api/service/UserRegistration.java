package dev.antigravity.api.service;

/**
 * Body of a user registration as the client sent it; {@link UserService} validates it.
 * {@code subject} (the JWT subject the user signs in with) defaults to the email.
 */
public record UserRegistration(String email, String name, String role, String subject) {
}
