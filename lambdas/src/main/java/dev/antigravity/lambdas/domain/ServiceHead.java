package dev.antigravity.lambdas.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The newest image Antigravity decided to run on a service: the deploy intent, read and written with strong
 * consistency (never through the history index, which lags writes). Pushes are ordered by {@code pushedAt} as ECR
 * reports it, never by arrival, so a retried or slow push of an older image can never replace a newer one.
 *
 * @param revisionArn      the task-definition revision registered for the image, null until registered
 * @param rolloutAttempted UpdateService to the revision may have gone out (set just before it is called): only
 *                         then can a deployment ECS started later be its consequence (ECS's rollback of it)
 * @param version          optimistic-lock counter (0 = no head yet)
 */
public record ServiceHead(
        ServiceRef service,
        ImageRef image,
        Instant pushedAt,
        String causeEventId,
        String revisionArn,
        boolean rolloutAttempted,
        long version) {
    public ServiceHead {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pushedAt, "pushedAt");
        Objects.requireNonNull(causeEventId, "causeEventId");
    }

    public static ServiceHead intent(
            ServiceRef service, ImageRef image, Instant pushedAt, String causeEventId, long previousVersion) {
        return new ServiceHead(service, image, pushedAt, causeEventId, null, false, previousVersion + 1);
    }

    public ServiceHead registered(String arn) {
        return new ServiceHead(service, image, pushedAt, causeEventId, arn, false, version + 1);
    }

    public ServiceHead attempted() {
        return new ServiceHead(service, image, pushedAt, causeEventId, revisionArn, true, version + 1);
    }

    public Optional<String> revision() {
        return Optional.ofNullable(revisionArn);
    }

    /** Whether {@code other} was pushed after this head's image (ties go to the head: nothing to do). */
    public boolean isOlderThan(Instant otherPushedAt) {
        return pushedAt.isBefore(otherPushedAt);
    }
}
