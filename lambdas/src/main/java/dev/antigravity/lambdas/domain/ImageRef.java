package dev.antigravity.lambdas.domain;

import java.util.Objects;
import java.util.Optional;

/** A pushed image: repository, immutable digest and the (optional) tag it was pushed under. */
public record ImageRef(String repository, String digest, String tag) {
    public ImageRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(digest, "digest");
    }

    public Optional<String> optionalTag() {
        return Optional.ofNullable(tag);
    }

    /** {@code <repositoryUri>@sha256:…}: what the task definition runs, immune to tag moves. */
    public String pinnedTo(String repositoryUri) {
        return repositoryUri + "@" + digest;
    }
}
