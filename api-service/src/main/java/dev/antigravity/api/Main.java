package dev.antigravity.api;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

/** Entry point: builds the server from configuration and starts it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config = Config.create();
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(r -> r.get("/health", (req, res) -> res.send("{\"status\":\"UP\"}")))
                .build()
                .start();
        System.out.println("Antigravity API listening on port " + server.port());
    }
}
