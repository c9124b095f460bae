package dev.antigravity.api.http.resource;

import dev.antigravity.api.db.Database;
import dev.antigravity.api.testsupport.TestDatabases;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;

/**
 * Base of the endpoint tests (each annotated {@code @ServerTest}): the production wiring over a
 * fresh embedded database per test class, and a {@link World} built once per class through the
 * API. Test classes run one after another, so one "current" database at a time is enough.
 */
abstract class H2ServerTest {
    private static Database database;
    private static World world;

    protected final Api api;

    protected H2ServerTest(Http1Client client) {
        this.api = new Api(client);
    }

    /** Found by Helidon among the test class's public (inherited) methods. */
    @SetUpServer
    public static void server(WebServerConfig.Builder server) {
        database = TestDatabases.h2();
        world = null;
        TestServers.configure(server, database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    protected World world() {
        synchronized (H2ServerTest.class) {
            if (world == null) {
                world = new World(api);
            }
            return world;
        }
    }
}
