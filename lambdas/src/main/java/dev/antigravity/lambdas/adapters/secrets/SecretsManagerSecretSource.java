package dev.antigravity.lambdas.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads a secret's current string value. The value may be the bare secret, or a JSON object with exactly one
 * string field (how Terraform and the console often store one), whose value is then the secret.
 */
public final class SecretsManagerSecretSource implements SecretSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;

    public SecretsManagerSecretSource(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public Secret get(String secretId) {
        String raw;
        try {
            raw = client.getSecretValue(request -> request.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new SecretUnavailableException(
                    "cannot read secret " + secretId + ": " + e.getClass().getSimpleName(), e);
        }
        if (raw == null || raw.isBlank()) {
            throw new SecretUnavailableException("secret " + secretId + " has no string value", null);
        }
        return new Secret(unwrap(raw.strip()));
    }

    static String unwrap(String raw) {
        if (!raw.startsWith("{")) {
            return raw;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            if (node.size() == 1) {
                JsonNode only = fields.next().getValue();
                if (only.isTextual() && !only.asText().isBlank()) {
                    return only.asText();
                }
            }
        } catch (IOException notJson) {
            return raw;
        }
        throw new SecretUnavailableException("a JSON secret must hold exactly one non-empty string field", null);
    }
}
