package dev.antigravity.lambdas.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.lambdas.domain.port.HealthProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET /health with bounded effort: each attempt has a connect and a request timeout, and a few attempts with a
 * growing pause ride out the ALB still draining old tasks. Healthy means HTTP 2xx, a status other than DOWN and —
 * when a version is expected — that version in the body; the last attempt's finding is the verdict.
 */
public final class HttpHealthProbe implements HealthProbe {
    private final HttpClient http;
    private final ObjectMapper json;
    private final int attempts;
    private final Duration timeout;
    private final Duration pause;

    public HttpHealthProbe(ObjectMapper json, int attempts, Duration timeout, Duration pause) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
        this.attempts = attempts;
        this.timeout = timeout;
        this.pause = pause;
    }

    @Override
    public ProbeResult probe(URI url, String expectedVersion) {
        ProbeResult last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            last = once(url, attempt);
            if (last.healthy() && (expectedVersion == null || expectedVersion.equals(last.version()))) {
                return last;
            }
            if (attempt < attempts) {
                sleep(pause.multipliedBy(attempt));
            }
        }
        return last;
    }

    private ProbeResult once(URI url, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String version = versionIn(response.body());
            boolean up = response.statusCode() / 100 == 2 && !"DOWN".equalsIgnoreCase(statusIn(response.body()));
            return new ProbeResult(
                    up,
                    version,
                    "HTTP " + response.statusCode() + " on attempt " + attempt + "/" + attempts
                            + (version == null ? " (no version reported)" : " version " + version));
        } catch (IOException e) {
            return new ProbeResult(
                    false,
                    null,
                    e.getClass().getSimpleName() + " on attempt " + attempt + "/" + attempts + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, null, "interrupted");
        }
    }

    private String versionIn(String body) {
        return field(body, "version");
    }

    private String statusIn(String body) {
        return field(body, "status");
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.get(name);
            return value == null || !value.isTextual() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
