package dev.antigravity.lambdas.domain.lifecycle;

import java.util.Optional;

/** Port: the version (APP_VERSION) an ECS service revision runs, so the smoke test knows what /health must say. */
public interface RevisionVersions {
    /**
     * @param container the container whose APP_VERSION counts, or null for the first container that sets one
     * @throws TransientCheckException when ECS cannot be asked right now
     */
    Optional<String> versionOf(String serviceRevisionArn, String container);
}
