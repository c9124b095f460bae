package dev.antigravity.api.http;

import dev.antigravity.api.AppContext;
import dev.antigravity.api.db.Database;
import dev.antigravity.api.health.CachedLivenessChecks;
import dev.antigravity.api.health.DatabaseHealthCheck;
import dev.antigravity.api.health.DrainingHealthCheck;
import dev.antigravity.api.health.HealthService;
import dev.antigravity.api.http.auth.AuthFilter;
import dev.antigravity.api.http.auth.AuthSettings;
import dev.antigravity.api.http.auth.FailedAuthentications;
import dev.antigravity.api.http.auth.JwtVerifier;
import dev.antigravity.api.http.filter.AccessLog;
import dev.antigravity.api.http.filter.CallerKey;
import dev.antigravity.api.http.filter.ConcurrencyLimitFilter;
import dev.antigravity.api.http.filter.JsonAcceptFilter;
import dev.antigravity.api.http.filter.RateLimitFilter;
import dev.antigravity.api.http.filter.RequestOutcomeFilter;
import dev.antigravity.api.http.filter.RouteTemplate;
import dev.antigravity.api.http.filter.SecurityHeadersFilter;
import dev.antigravity.api.http.filter.TokenBuckets;
import dev.antigravity.api.http.filter.TracingFilter;
import dev.antigravity.api.http.problem.ProblemDirectHandler;
import dev.antigravity.api.http.problem.ProblemErrorHandler;
import dev.antigravity.api.http.transport.ConnectionGuardFilter;
import dev.antigravity.api.http.transport.GuardedHttp1Selector;
import dev.antigravity.api.http.transport.RequestBodyFilter;
import dev.antigravity.api.metrics.EmfRequestMetrics;
import dev.antigravity.api.metrics.EmfWriter;
import dev.antigravity.api.metrics.HttpMetrics;
import io.helidon.config.Config;
import io.helidon.health.checks.HealthChecks;
import io.helidon.http.DirectHandler;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.cors.CorsFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Wires the HTTP side of the service onto a server builder: JSON media, limits, features
 * (observe, CORS, OpenAPI), the filter chain and the routes. Main and the server tests use this
 * same method, so tests exercise the production wiring.
 */
public final class ApiServer {
    /** The listener for /observe/* (metrics, detailed health): never behind the load balancer. */
    public static final String MANAGEMENT_SOCKET = "management";

    private ApiServer() {}

    public static WebServerConfig.Builder configure(WebServerConfig.Builder server, AppContext app) {
        Config config = app.config();
        long maxBody = maxBody(config);
        ProblemDirectHandler problems = new ProblemDirectHandler(maxBody, app.telemetry());
        return server.shutdownHook(false)
                .shutdownGracePeriod(
                        config.get("shutdown.grace").as(Duration.class).orElse(Duration.ofSeconds(20)))
                .maxPayloadSize(maxBody)
                // Every HTTP/1 connection through our guard (request smuggling, lingering close, HTTP/1.0).
                .addConnectionSelector(new GuardedHttp1Selector(maxBody))
                .mediaContext(media -> media.addMediaSupport(JacksonSupport.create(app.json())))
                .directHandlers(handlers -> Arrays.stream(DirectHandler.EventType.values())
                        .forEach(type -> handlers.addHandler(type, problems)))
                // Exactly these features: no discovery (slower start, and a discovered default CORS
                // feature would allow every origin).
                .featuresDiscoverServices(false)
                // Observability (revenue metrics, heap and disk in health details) on a port of its
                // own: the load balancer forwards only server.port, so this one never faces the internet.
                .putSocket(
                        MANAGEMENT_SOCKET,
                        socket -> socket.port(
                                        config.get("management.port").asInt().orElse(8081))
                                .host(config.get("server.host").asString().orElse("0.0.0.0")))
                .features(List.of(
                        observe(app),
                        cors(config.get("cors")),
                        OpenApiFeature.builder().staticFile("openapi.yaml").build()))
                .routing(routing -> routing(routing, app));
    }

    /** The routing: error handling, filters in the order they run, then the routes. */
    public static void routing(HttpRouting.Builder routing, AppContext app) {
        Config config = app.config();
        // Recorded from the wiring the server then registers, because a built routing cannot be listed.
        Consumer<HttpRouting.Builder> routes = routes(app);
        RouteTable routeTable = RouteTable.record(routes);
        CallerKey callers =
                new CallerKey(config.get("ratelimit.forwarded").asBoolean().orElse(false));
        routing.error(Throwable.class, new ProblemErrorHandler(routeTable))
                .addFilter(new ConnectionGuardFilter())
                .addFilter(new CorrelationIdFilter())
                .addFilter(new TracingFilter(app.telemetry(), new RouteTemplate(routeTable)))
                .addFilter(new SecurityHeadersFilter())
                .addFilter(new RequestOutcomeFilter(
                        new RouteTemplate(routeTable),
                        List.of(
                                new AccessLog(),
                                new HttpMetrics(app.metrics()),
                                new EmfRequestMetrics(app.emf(), EmfWriter.service(config)))))
                .addFilter(new JsonAcceptFilter())
                .addFilter(new AuthFilter(
                        JwtVerifier.create(AuthSettings.from(config.get("auth"))),
                        failedAuthentications(config.get("ratelimit"))));
        Config rate = config.get("ratelimit");
        if (rate.get("enabled").asBoolean().orElse(true)) {
            routing.addFilter(rateLimit(rate, callers));
        }
        limits(routing, config, app.database(), callers);
        routes.accept(routing);
    }

    /** The body is read (within its own limits) before a concurrency slot is taken: a slow body must not hold one. */
    private static void limits(HttpRouting.Builder routing, Config config, Database database, CallerKey callers) {
        int slots = concurrencyLimit(config, database);
        int perCaller = perCallerLimit(config, slots);
        Duration wait = config.get("limits.wait").as(Duration.class).orElse(Duration.ofMillis(200));
        routing.addFilter(new RequestBodyFilter(
                        new RequestBodyFilter.Limits(
                                maxBody(config),
                                config.get("limits.bodies").asLong().orElse(67_108_864L),
                                perCaller,
                                config.get("limits.read.idle")
                                        .as(Duration.class)
                                        .orElse(Duration.ofSeconds(10)),
                                wait),
                        callers))
                .addFilter(new ConcurrencyLimitFilter(slots, perCaller, wait, callers));
    }

    private static long maxBody(Config config) {
        return config.get("limits.body").asLong().orElse(1_048_576L);
    }

    private static RateLimitFilter rateLimit(Config rate, CallerKey callers) {
        TokenBuckets buckets = new TokenBuckets(
                rate.get("rate").asDouble().orElse(20.0),
                rate.get("burst").asInt().orElse(40),
                rate.get("keys").asInt().orElse(100_000),
                System::nanoTime);
        return new RateLimitFilter(buckets, callers);
    }

    /** Bad tokens per client address ({@code ratelimit.failures.*}); off with the rate limit. */
    private static FailedAuthentications failedAuthentications(Config rate) {
        if (!rate.get("enabled").asBoolean().orElse(true)) {
            return FailedAuthentications.unlimited();
        }
        TokenBuckets buckets = new TokenBuckets(
                rate.get("failures.rate").asDouble().orElse(1.0),
                rate.get("failures.burst").asInt().orElse(10),
                rate.get("keys").asInt().orElse(100_000),
                System::nanoTime);
        return new FailedAuthentications(
                buckets, rate.get("forwarded").asBoolean().orElse(false));
    }

    /**
     * Every route of the service, and nothing else, its handlers built once: {@link RouteTable}
     * records the routes from what this returns, and the server registers the same handlers.
     */
    public static Consumer<HttpRouting.Builder> routes(AppContext app) {
        HealthService health = new HealthService(
                app.config().get("app.version").asString().orElse("dev"),
                app.clock(),
                app.database(),
                app.drain(),
                readyTimeout(app.config()),
                liveness(app.config()),
                app.cache());
        Consumer<HttpRouting.Builder> api = ApiRoutes.wiring(app);
        return routing -> {
            routing.register(health);
            api.accept(routing);
        };
    }

    /**
     * Requests in flight by default, per pooled connection. A request holds its slot for all of its
     * time, a connection only for its transactions: an order keeps the slot through the
     * PaymentIntent call, its answer's write and the client's reading, and under the order load
     * (docs/benchmarks.md, issue 12, sessions 10-11) the pool was busy a fraction of the time while
     * orders queued for slots. A slot per connection left the pool idle and shed orders whenever
     * Stripe was slower than {@code limits.wait}; four per connection served 11-48 % more orders
     * per second, at no more CPU per order, and the pool's own wait ({@code db.pool.timeout}) still
     * bounds what waits for a connection. A provider slower still needs more: orders per second
     * times the provider's latency (Little's law), set with {@code limits.concurrency}.
     */
    static final int SLOTS_PER_CONNECTION = 4;

    private static int concurrencyLimit(Config config, Database database) {
        int configured = config.get("limits.concurrency").asInt().orElse(0);
        return configured > 0 ? configured : SLOTS_PER_CONNECTION * database.maxPoolSize();
    }

    /** What one caller may hold at once, of the slots and of the bodies in memory: by default half the slots. */
    private static int perCallerLimit(Config config, int slots) {
        int configured = config.get("limits.caller").asInt().orElse(0);
        return configured > 0 ? configured : Math.max(1, slots / 2);
    }

    /**
     * Helidon's deadlock, disk-space and heap checks, run at most once per {@code health.cache}:
     * the deadlock check stops the whole JVM at a safepoint, too costly to run per probe.
     * {@code /observe/health} still runs them per request; it is for operators, not the balancer.
     */
    private static CachedLivenessChecks liveness(Config config) {
        return new CachedLivenessChecks(
                config.get("health.cache").as(Duration.class).orElse(Duration.ofSeconds(5)),
                System::nanoTime,
                List.of(HealthChecks.healthChecks()));
    }

    private static Duration readyTimeout(Config config) {
        return config.get("ready.timeout").as(Duration.class).orElse(Duration.ofSeconds(2));
    }

    private static ObserveFeature observe(AppContext app) {
        return ObserveFeature.builder()
                .sockets(List.of(MANAGEMENT_SOCKET))
                // Monitoring endpoints are not for browsers: no CORS (its default would allow every origin).
                .cors(cors -> cors.enabled(false))
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .useSystemServices(false)
                        .addChecks(HealthChecks.healthChecks())
                        .addCheck(new DatabaseHealthCheck(app.database(), readyTimeout(app.config())))
                        .addCheck(new DrainingHealthCheck(app.drain()))
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    /** CORS for the configured origins only ({@code cors.origins}, comma separated); none means no CORS. */
    private static CorsFeature cors(Config cors) {
        Set<String> origins = Arrays.stream(
                        cors.get("origins").asString().orElse("").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return CorsFeature.builder()
                .addDefaults(false)
                .enabled(!origins.isEmpty())
                .addPath(path -> path.pathPattern("/*")
                        // clear*: the builder starts from "allow all" and would otherwise keep "*".
                        .clearAllowOrigins()
                        .addAllowOrigins(origins)
                        .clearAllowMethods()
                        .addAllowMethods(Set.of("GET", "POST", "PUT", "PATCH", "DELETE"))
                        .clearAllowHeaders()
                        .addAllowHeaders(
                                Set.of("Authorization", "Content-Type", "Idempotency-Key", CorrelationId.HEADER))
                        .clearExposeHeaders()
                        .addExposeHeaders(Set.of(CorrelationId.HEADER, "Location", "Retry-After"))
                        .maxAge(Duration.ofHours(1)))
                .build();
    }
}
