package dev.antigravity.api.model;

/** Role stored with a registered user; the token's roles claim is what authorizes requests. */
public enum UserRole {
    ADMIN,
    CUSTOMER
}
