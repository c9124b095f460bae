package dev.antigravity.api;

import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.http.shutdown.GracefulShutdown;
import dev.antigravity.api.logging.JsonLogging;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.time.Duration;

/** Entry point: configuration, then the server (see {@link ApiServer} for the wiring). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        JsonLogging.useShutdownSafeManager();
        Config config = Config.create();
        JsonLogging.install(
                config.get("log.level").asString().orElse("INFO"),
                config.get("log.linger").as(Duration.class).orElse(JsonLogging.DEFAULT_LINGER));
        try {
            start(config);
        } catch (RuntimeException e) {
            // A misconfiguration must show up in the JSON logs and stop the task, not hang it.
            log().log(System.Logger.Level.ERROR, "Start-up failed: " + e.getMessage(), e);
            System.exit(1);
        }
    }

    private static void start(Config config) {
        AppContext app = AppContext.create(config);
        WebServer server = ApiServer.configure(WebServer.builder().config(config.get("server")), app)
                .build()
                .start();
        new GracefulShutdown(
                        server,
                        app.drain(),
                        config.get("shutdown.drain").as(Duration.class).orElse(Duration.ofSeconds(5)),
                        app.database(),
                        app.emf())
                .installHook();
        log().log(
                        System.Logger.Level.INFO,
                        "Antigravity API "
                                + config.get("app.version").asString().orElse("dev") + " listening on port "
                                + server.port());
    }

    /** Not a static field: no logger may exist before {@link JsonLogging#useShutdownSafeManager()} ran. */
    private static System.Logger log() {
        return System.getLogger(Main.class.getName());
    }
}
