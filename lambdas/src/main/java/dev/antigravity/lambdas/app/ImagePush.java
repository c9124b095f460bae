package dev.antigravity.lambdas.app;

import dev.antigravity.lambdas.domain.ImageRef;
import java.time.Instant;

/** An image to consider for deployment: from an ECR event, or found late by the registry reconciler. */
public record ImagePush(ImageRef image, Instant pushedAt, String causeEventId) {}
