package dev.antigravity.api.http.resource;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.http.ApiServer;
import dev.antigravity.api.testsupport.TestApps;
import io.helidon.webserver.WebServerConfig;
import java.util.Map;

/**
 * The production wiring over a given test database, with a patient concurrency limit and no
 * per-caller cap: the tests fire bursts of one caller larger than the connection pool on purpose
 * and want every request served.
 */
final class TestServers {
    private TestServers() {}

    static void configure(WebServerConfig.Builder server, Database database) {
        ApiServer.configure(server, TestApps.create(database, Map.of("limits.wait", "PT30S", "limits.caller", "1000")));
    }
}
