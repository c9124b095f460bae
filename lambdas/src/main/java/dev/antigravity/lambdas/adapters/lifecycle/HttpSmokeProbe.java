package dev.antigravity.lambdas.adapters.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.domain.lifecycle.SmokeProbe;
import dev.antigravity.lambdas.domain.lifecycle.TransientCheckException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One GET with short timeouts; reads {@code version} from a JSON body (the api-service's /health). */
public final class HttpSmokeProbe implements SmokeProbe {
    private final HttpClient client;
    private final Duration readTimeout;
    private final ObjectMapper mapper;

    public HttpSmokeProbe(HttpClient client, Duration readTimeout, ObjectMapper mapper) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.mapper = mapper;
    }

    @Override
    public Response get(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout).header("Accept", "application/json")
                .header("User-Agent", "antigravity-lifecycle-hook").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), versionIn(response.body()));
        } catch (IOException e) {
            throw new TransientCheckException("GET " + url + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientCheckException("interrupted during GET " + url, e);
        }
    }

    private String versionIn(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode version = mapper.readTree(body).get("version");
            return version != null && version.isTextual() ? version.asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
