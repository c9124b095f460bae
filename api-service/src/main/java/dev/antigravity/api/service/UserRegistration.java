package dev.antigravity.api.service;

/**
 * Body of a user registration as the client sent it; {@link UserService} validates it.
 * {@code subject} (the JWT subject the user signs in with) defaults to the email. {@code phone}
 * (E.164) and {@code smsOptIn} are optional: order SMS need both.
 */
public record UserRegistration(String email, String name, String role, String subject, String phone, Boolean smsOptIn) {
    public UserRegistration(String email, String name, String role, String subject) {
        this(email, name, role, subject, null, null);
    }
}
