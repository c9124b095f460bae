package dev.antigravity.api.service;

import java.util.Optional;

/**
 * A provider event whose signature was verified: its id (processed once), its type, the
 * PaymentIntent it concerns and, for a failed attempt, the provider's reason.
 */
public record ProviderEvent(String id, String type, Optional<String> paymentId, Optional<String> failure) {}
