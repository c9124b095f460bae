package dev.antigravity.api.service;

/**
 * One invalid input field in a problem+json response: {@code field} is the JSON path of the
 * offending value as the client sent it (for example {@code items[0].quantity}).
 */
public record FieldError(String field, String message) {}
