package dev.antigravity.events.aws;

import java.util.Optional;

/** "ECR Image Action": a push or delete; {@code imageTag} is null for a push by digest. */
public record EcrImageAction(
        EventEnvelope envelope,
        String result,
        String actionType,
        String repositoryName,
        String imageDigest,
        String imageTag)
        implements AwsEvent {
    public boolean isSuccessfulPush() {
        return "PUSH".equals(actionType) && "SUCCESS".equals(result);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(imageTag);
    }
}
