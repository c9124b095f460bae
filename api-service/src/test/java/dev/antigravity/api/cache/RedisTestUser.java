package dev.antigravity.api.cache;

import dev.antigravity.api.testsupport.TestRedis;
import java.net.URI;
import java.util.UUID;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * A Redis ACL user of its own, allowed everything at first, for tests that make Redis refuse some of a cache's
 * commands (a category such as {@code @read} or {@code @scripting}) while the test's own client keeps them all.
 */
final class RedisTestUser implements AutoCloseable {
    private final RedisClient admin;
    private final String name = "cache-test-" + UUID.randomUUID();
    private final String password = UUID.randomUUID().toString();

    RedisTestUser(RedisClient admin) {
        this.admin = admin;
        admin.sendCommand(Protocol.Command.ACL, "SETUSER", name, "on", ">" + password, "~*", "&*", "+@all");
    }

    /** The cache URL of the test server, logging in as this user. */
    String url() {
        URI server = URI.create(TestRedis.url());
        return "redis://" + name + ":" + password + "@" + server.getHost() + ":" + server.getPort();
    }

    /** Changes what the user may do, e.g. {@code "-@scripting"} or {@code "+@all"}. */
    void set(String... rules) {
        String[] arguments = new String[rules.length + 2];
        arguments[0] = "SETUSER";
        arguments[1] = name;
        System.arraycopy(rules, 0, arguments, 2, rules.length);
        admin.sendCommand(Protocol.Command.ACL, arguments);
    }

    @Override
    public void close() {
        admin.sendCommand(Protocol.Command.ACL, "DELUSER", name);
    }
}
