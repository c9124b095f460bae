package dev.antigravity.api.model;

/** A validated user registration, email already normalised to lower case; phone is E.164 or null. */
public record NewUser(String subject, String email, String name, UserRole role, String phone, boolean smsOptIn) {}
