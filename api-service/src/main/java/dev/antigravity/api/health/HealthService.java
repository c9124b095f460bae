package dev.antigravity.api.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.antigravity.api.cache.CatalogueCache;
import dev.antigravity.api.config.Json;
import dev.antigravity.api.db.Database;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health} (liveness: is this process fit to keep running?) and {@code GET /ready}
 * (readiness: should the load balancer send traffic here?). The database is a readiness
 * concern only: an outage must take tasks out of rotation, not make ECS kill them all. Both
 * report the catalogue cache ({@code "cache"}: UP, DOWN or DISABLED) without depending on it: a
 * task whose Redis is down still answers every request from the database.
 */
public final class HealthService implements HttpService {
    private final String version;
    private final Clock clock;
    private final Database database;
    private final Drain drain;
    private final Duration readyTimeout;
    private final CachedLivenessChecks liveness;
    private final CatalogueCache cache;

    public HealthService(
            String version,
            Clock clock,
            Database database,
            Drain drain,
            Duration readyTimeout,
            CachedLivenessChecks liveness,
            CatalogueCache cache) {
        this.cache = cache;
        this.version = version;
        this.clock = clock;
        this.database = database;
        this.drain = drain;
        this.readyTimeout = readyTimeout;
        this.liveness = liveness;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health).get("/ready", this::ready);
    }

    private void health(ServerRequest req, ServerResponse res) {
        // Cached (see CachedLivenessChecks); the timestamp below is still this response's.
        CachedLivenessChecks.Result result = liveness.current();
        Map<String, Object> checks = new LinkedHashMap<>(result.checks());
        checks.put("cache", cache.status().name());
        respond(res, result.up(), checks);
    }

    private void ready(ServerRequest req, ServerResponse res) {
        Map<String, Object> checks = new LinkedHashMap<>();
        if (drain.draining()) {
            // Checked first and without touching the database: during shutdown the answer is known.
            checks.put("draining", "DOWN");
            respond(res, false, checks);
            return;
        }
        boolean database = this.database.ping(readyTimeout);
        checks.put("database", database ? "UP" : "DOWN");
        checks.put("cache", cache.status().name());
        respond(res, database, checks);
    }

    private void respond(ServerResponse res, boolean up, Map<String, Object> checks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("version", version);
        body.put("timestamp", clock.instant().toString());
        body.put("checks", checks);
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        // Serialized here, not by Helidon's media support: that negotiates with Accept and would
        // refuse a checker that sends "Accept: text/plain" (415), marking a healthy task dead.
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        try {
            res.send(Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
