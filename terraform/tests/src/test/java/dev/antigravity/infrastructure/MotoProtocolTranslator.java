package dev.antigravity.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP front of moto_server for the two calls the AWS provider makes that moto 5.2 cannot
 * answer; everything else passes through unchanged. Hand-written because no library bridges these
 * protocols, and it stays test code:
 * <ul>
 * <li>CloudWatch: the provider's SDK speaks Smithy RPC v2 CBOR, moto only the query and JSON
 * protocols. A CBOR request is re-sent to moto as the equivalent awsJson1_0 request and the JSON
 * answer re-encoded as CBOR (timestamps with CBOR tag 1, as the protocol requires).</li>
 * <li>Application Auto Scaling: moto lacks TagResource, UntagResource and ListTagsForResource. The
 * tags given at RegisterScalableTarget or TagResource are kept here, by the target's ARN.</li>
 * <li>CloudTrail: moto's StartLogging and StopLogging find a trail by name only, the provider names
 * it by ARN: the ARN is replaced by the trail's name.</li>
 * <li>ElastiCache cache parameter groups ({@link MotoElastiCacheParameterGroups}), the member
 * clusters of replication groups ({@link MotoElastiCacheMemberClusters}) and CloudWatch Logs saved
 * queries ({@link MotoLogsQueryDefinitions}), which moto lacks, are kept or answered here.</li>
 * <li>ECS: moto drops a service's capacity provider strategy ({@link
 * MotoEcsCapacityProviderStrategies}).</li>
 * <li>SES v2: moto's answers carry ISO-8601 timestamps and a configuration set's SendingEnabled as
 * an object, which the SDK cannot decode ({@link MotoSesV2Json}).</li>
 * </ul>
 */
final class MotoProtocolTranslator implements AutoCloseable {

    private static final Pattern CBOR_OPERATION = Pattern.compile("^/service/([^/]+)/operation/([^/]+)$");
    private static final String AUTO_SCALING_TARGET = "AnyScaleFrontendService.";
    /** The CloudTrail calls moto answers only for a trail named by name. */
    private static final Set<String> TRAIL_BY_NAME_ONLY =
            Set.of("CloudTrail_20131101.StartLogging", "CloudTrail_20131101.StopLogging");

    private static final String SES_V2_PATH = "/v2/email/";
    private static final Pattern SES_IDENTITY = Pattern.compile("^/v2/email/identities/([^/]+)$");

    private static final Pattern TRAIL_ARN = Pattern.compile("^arn:[^:]+:cloudtrail:[^:]*:[0-9]*:trail/(.+)$");
    /** CloudWatch output members of type timestamp (from the service model). */
    private static final Set<String> CLOUDWATCH_TIMESTAMPS = Set.of(
            "AlarmConfigurationUpdatedTimestamp",
            "CreationDate",
            "EndTime",
            "ExpireDate",
            "Timestamps",
            "LastModified",
            "LastUpdateDate",
            "LastUpdatedTimestamp",
            "StartDate",
            "StartTime",
            "StateTransitionedTimestamp",
            "StateUpdatedTimestamp",
            "Timestamp");

    private static final Set<String> UNFORWARDED_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding", "accept-encoding");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();

    private final HttpServer server;
    private final URI moto;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, ObjectNode> scalableTargetTags = new ConcurrentHashMap<>();
    private final MotoElastiCacheParameterGroups parameterGroups;
    private final MotoElastiCacheMemberClusters memberClusters = new MotoElastiCacheMemberClusters();
    private final MotoLogsQueryDefinitions queryDefinitions = new MotoLogsQueryDefinitions();
    private final MotoEcsCapacityProviderStrategies capacityProviderStrategies =
            new MotoEcsCapacityProviderStrategies();

    private MotoProtocolTranslator(HttpServer server, URI moto, String region, String accountId) {
        this.server = server;
        this.moto = moto;
        this.parameterGroups = new MotoElastiCacheParameterGroups(region, accountId);
    }

    /** Listens on a free loopback port in front of moto, which answers as accountId in region. */
    static MotoProtocolTranslator start(URI moto, String region, String accountId) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        MotoProtocolTranslator translator = new MotoProtocolTranslator(server, moto, region, accountId);
        server.createContext("/", translator::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return translator;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher cbor = CBOR_OPERATION.matcher(exchange.getRequestURI().getPath());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (cbor.matches()) {
                cborToJson(exchange, cbor.group(1), cbor.group(2), body);
            } else if (target != null && target.startsWith(AUTO_SCALING_TARGET)) {
                autoScaling(exchange, target.substring(AUTO_SCALING_TARGET.length()), body);
            } else if (target != null && target.startsWith(MotoLogsQueryDefinitions.TARGET_PREFIX)) {
                logs(exchange, target.substring(MotoLogsQueryDefinitions.TARGET_PREFIX.length()), body);
            } else if (target != null && target.startsWith(MotoEcsCapacityProviderStrategies.TARGET_PREFIX)) {
                ecs(exchange, target.substring(MotoEcsCapacityProviderStrategies.TARGET_PREFIX.length()), body);
            } else if (target != null && TRAIL_BY_NAME_ONLY.contains(target)) {
                passThrough(exchange, trailNamedByName(body), "application/x-amz-json-1.1");
            } else if (isForm(exchange)) {
                elastiCache(exchange, body);
            } else if (exchange.getRequestURI().getPath().startsWith(SES_V2_PATH)) {
                sesV2(exchange, body);
            } else {
                passThrough(exchange, body, "application/xml");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            respond(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isForm(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
    }

    /** The request with a trail ARN in Name replaced by the trail's name. */
    private static byte[] trailNamedByName(byte[] body) throws IOException {
        JsonNode input = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        Matcher arn = TRAIL_ARN.matcher(input.path("Name").asText());
        if (!arn.matches()) {
            return body;
        }
        return JSON.writeValueAsBytes(((ObjectNode) input).put("Name", arn.group(1)));
    }

    private void ecs(HttpExchange exchange, String operation, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = forward(exchange, "/", body, Map.of());
        byte[] output = answer.body();
        if (answer.statusCode() == 200 && output.length > 0) {
            capacityProviderStrategies.requested(
                    operation, body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
            output = JSON.writeValueAsBytes(capacityProviderStrategies.answered(JSON.readTree(output)));
        }
        respond(exchange, answer.statusCode(), "application/x-amz-json-1.1", output);
    }

    private void logs(HttpExchange exchange, String operation, byte[] body) throws IOException, InterruptedException {
        JsonNode input = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        Optional<JsonNode> answer = queryDefinitions.answer(operation, input);
        if (answer.isPresent()) {
            respond(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsBytes(answer.get()));
        } else {
            passThrough(exchange, body, "application/x-amz-json-1.1");
        }
    }

    private void elastiCache(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        String form = new String(body, StandardCharsets.UTF_8);
        Optional<MotoQueryProtocol.Reply> reply = parameterGroups.answer(form).or(() -> memberClusters.answer(form));
        if (reply.isPresent()) {
            respond(
                    exchange,
                    reply.get().status(),
                    "text/xml",
                    reply.get().xml().getBytes(StandardCharsets.UTF_8));
        } else {
            passThrough(exchange, body, "text/xml");
        }
    }

    private void sesV2(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = forward(exchange, exchange.getRequestURI().toString(), body, Map.of());
        byte[] output = answer.body();
        if (answer.statusCode() == 200 && output.length > 0) {
            output = JSON.writeValueAsBytes(MotoSesV2Json.repair(JSON.readTree(output), identity(exchange, body)));
        }
        respond(exchange, answer.statusCode(), "application/json", output);
    }

    /** The email identity an SES v2 call is about: named in the path, or in a creation's body. */
    private static Optional<String> identity(HttpExchange exchange, byte[] body) throws IOException {
        Matcher named = SES_IDENTITY.matcher(exchange.getRequestURI().getRawPath());
        if (named.matches()) {
            return Optional.of(URLDecoder.decode(named.group(1), StandardCharsets.UTF_8));
        }
        if (exchange.getRequestURI().getPath().equals(SES_V2_PATH + "identities") && body.length > 0) {
            return Optional.of(JSON.readTree(body).path("EmailIdentity").asText());
        }
        return Optional.empty();
    }

    private void passThrough(HttpExchange exchange, byte[] body, String defaultContentType)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = forward(exchange, exchange.getRequestURI().toString(), body, Map.of());
        respond(
                exchange,
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(defaultContentType),
                answer.body());
    }

    private void cborToJson(HttpExchange exchange, String service, String operation, byte[] body)
            throws IOException, InterruptedException {
        JsonNode input = body.length == 0 ? JSON.createObjectNode() : CBOR.readTree(body);
        HttpResponse<byte[]> answer = forward(
                exchange,
                "/",
                JSON.writeValueAsBytes(input),
                Map.of("Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", service + "." + operation));
        JsonNode output = answer.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(answer.body());
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        respond(exchange, answer.statusCode(), "application/cbor", toCbor(output));
    }

    private void autoScaling(HttpExchange exchange, String operation, byte[] body)
            throws IOException, InterruptedException {
        JsonNode input = JSON.readTree(body);
        switch (operation) {
            case "ListTagsForResource" -> {
                ObjectNode tags = scalableTargetTags.getOrDefault(
                        input.path("ResourceARN").asText(), JSON.createObjectNode());
                respond(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsBytes(Map.of("Tags", tags)));
            }
            case "TagResource" -> {
                scalableTargetTags
                        .computeIfAbsent(input.path("ResourceARN").asText(), arn -> JSON.createObjectNode())
                        .setAll((ObjectNode) input.path("Tags"));
                respond(exchange, 200, "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8));
            }
            case "UntagResource" -> {
                ObjectNode tags =
                        scalableTargetTags.get(input.path("ResourceARN").asText());
                if (tags != null) {
                    input.path("TagKeys").forEach(key -> tags.remove(key.asText()));
                }
                respond(exchange, 200, "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                HttpResponse<byte[]> answer = forward(exchange, "/", body, Map.of());
                if (operation.equals("RegisterScalableTarget")
                        && answer.statusCode() == 200
                        && input.path("Tags").isObject()) {
                    String arn = JSON.readTree(answer.body())
                            .path("ScalableTargetARN")
                            .asText();
                    scalableTargetTags.put(arn, (ObjectNode) input.path("Tags").deepCopy());
                }
                respond(
                        exchange,
                        answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.1"),
                        answer.body());
            }
        }
    }

    private HttpResponse<byte[]> forward(
            HttpExchange exchange, String pathAndQuery, byte[] body, Map<String, String> replacedHeaders)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(moto.resolve(pathAndQuery))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            boolean replaced = replacedHeaders.keySet().stream().anyMatch(name::equalsIgnoreCase);
            if (!replaced && !UNFORWARDED_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        replacedHeaders.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    static byte[] toCbor(JsonNode json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator generator = ((CBORFactory) CBOR.getFactory()).createGenerator(bytes)) {
            write(generator, json, false);
        }
        return bytes.toByteArray();
    }

    private static void write(CBORGenerator generator, JsonNode node, boolean timestamp) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                generator.writeFieldName(field.getKey());
                write(generator, field.getValue(), CLOUDWATCH_TIMESTAMPS.contains(field.getKey()));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, element, timestamp);
            }
            generator.writeEndArray();
        } else if (timestamp && node.isNumber()) {
            generator.writeTag(1); // epoch seconds
            generator.writeNumber(node.doubleValue());
        } else {
            generator.writeTree(node);
        }
    }
}
