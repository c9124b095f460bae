package dev.antigravity.api;

import dev.antigravity.api.http.ApiServer;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

/** Entry point: configuration, then the server (see {@link ApiServer} for the wiring). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config = Config.create();
        AppContext app = AppContext.create(config);
        WebServer server = ApiServer.configure(WebServer.builder().config(config.get("server")), app)
                .build()
                .start();
        System.getLogger(Main.class.getName()).log(System.Logger.Level.INFO,
                "Antigravity API listening on port " + server.port());
    }
}
