package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.lambdas.adapters.secrets.Secret;
import dev.antigravity.lambdas.adapters.secrets.SecretSource;
import dev.antigravity.lambdas.adapters.secrets.SecretUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets held in memory; records reads and invalidations so tests can assert on them. */
public final class FakeSecrets implements SecretSource {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    public final List<String> reads = new ArrayList<>();
    public final List<String> invalidated = new ArrayList<>();

    public FakeSecrets with(String id, String value) {
        values.put(id, value);
        return this;
    }

    @Override
    public Secret get(String secretId) {
        reads.add(secretId);
        String value = values.get(secretId);
        if (value == null) {
            throw new SecretUnavailableException("no secret " + secretId, null);
        }
        return new Secret(value);
    }

    @Override
    public void invalidate(String secretId) {
        invalidated.add(secretId);
    }
}
