import io.helidon.webserver.WebServer;

/**
 * The framework's ceiling on this machine: a Helidon SE 4.5 server with one route that sends a
 * fixed body, nothing else (no filters, no media, no observability). Each API endpoint in
 * bench/api-load is reported as a ratio of this route measured in the same run.
 *
 * <p>Run with the JDK 25 source launcher against the API's libraries:
 * {@code java -cp 'api-service/target-bench/libs/*' bench/BareHelidon.java PORT}
 */
void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
    byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    WebServer server = WebServer.builder()
            .port(port)
            .host("127.0.0.1")
            .featuresDiscoverServices(false)
            .routing(routing -> routing.get("/plain", (req, res) -> {
                res.header("Content-Type", "application/json");
                res.send(body);
            }))
            .build()
            .start();
    System.out.println("bare Helidon listening on " + server.port());
}
