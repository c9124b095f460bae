package dev.antigravity.lambdas.adapters.secrets;

/** Where secrets come from (Secrets Manager in Lambda); failures are {@link SecretUnavailableException}. */
public interface SecretSource {
    Secret get(String secretId);

    /** Forget a cached value, e.g. after the channel said the credential is no longer valid (rotated). */
    default void invalidate(String secretId) {}
}
