package dev.antigravity.lambdas.integration.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.antigravity.events.EventResources;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A managed service in moto (ECR repository, ECS cluster/service on a rich task definition, ledger table with its
 * GSI, platform topic with an SQS subscription, target group with two targets), plus WireMock for what moto
 * cannot answer: CloudWatch (the SDK speaks RPCv2 CBOR to it) and the service's /health. All names are unique
 * per instance: moto is shared.
 */
final class MotoWorld implements AutoCloseable {
    static final String CONTAINER = "api";
    static final ObjectMapper JSON = new ObjectMapper();

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String repository = "antigravity-it-" + suffix + "/api";
    final String cluster = "it-" + suffix;
    final String service = "api";
    final String family = "api-" + suffix;
    final String table = "ledger-" + suffix;
    final String guardAlarm = "api-5xx-" + suffix;
    final String serviceArn;
    final String repositoryUri;
    final String baselineRevision;
    final String topicArn;
    final String queueUrl;
    final String targetGroupArn;
    final String vpcId;

    final EcsClient ecs = MotoServer.client(EcsClient.builder());
    final EcrClient ecr = MotoServer.client(EcrClient.builder());
    final DynamoDbClient dynamo = MotoServer.client(DynamoDbClient.builder());
    final SnsClient sns = MotoServer.client(SnsClient.builder());
    final SqsClient sqs = MotoServer.client(SqsClient.builder());
    final ElasticLoadBalancingV2Client elb = MotoServer.client(ElasticLoadBalancingV2Client.builder());
    final Ec2Client ec2 = MotoServer.client(Ec2Client.builder());
    final SsmClient ssm = MotoServer.client(SsmClient.builder());
    final WireMockServer wireMock =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private final EventCodec codec = new EventCodec();

    MotoWorld() {
        wireMock.start();
        repositoryUri = ecr.createRepository(r -> r.repositoryName(repository))
                .repository()
                .repositoryUri();
        ecs.createCluster(r -> r.clusterName(cluster));
        baselineRevision = ecs.registerTaskDefinition(r -> r.family(family)
                        .taskRoleArn("arn:aws:iam::123456789012:role/api-task")
                        .executionRoleArn("arn:aws:iam::123456789012:role/api-exec")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("512")
                        .memory("1024")
                        .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                        .ephemeralStorage(s -> s.sizeInGiB(30))
                        .volumes(v -> v.name("scratch"))
                        .tags(t -> t.key("team").value("platform"))
                        .containerDefinitions(
                                ContainerDefinition.builder()
                                        .name(CONTAINER)
                                        .image(repositoryUri + "@sha256:" + "0".repeat(64))
                                        .essential(true)
                                        .portMappings(p -> p.containerPort(8080).protocol(TransportProtocol.TCP))
                                        .environment(
                                                e -> e.name("APP_VERSION").value("sha-0000000"),
                                                e -> e.name("DB_URL").value("jdbc:postgresql://db/api"))
                                        .secrets(s -> s.name("DB_PASSWORD")
                                                .valueFrom("arn:aws:secretsmanager:us-east-1:123456789012:secret:db"))
                                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                                                .options(Map.of(
                                                        "awslogs-group", "/ecs/api", "awslogs-stream-prefix", "api")))
                                        .healthCheck(h -> h.command("CMD-SHELL", "curl -f http://localhost:8080/health")
                                                .interval(10))
                                        .build(),
                                ContainerDefinition.builder()
                                        .name("otel")
                                        .image("public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0")
                                        .essential(false)
                                        .build()))
                .taskDefinition()
                .taskDefinitionArn();
        serviceArn = ecs.createService(r -> r.cluster(cluster)
                        .serviceName(service)
                        .taskDefinition(baselineRevision)
                        .desiredCount(2)
                        .tags(t -> t.key(MotoEcsGaps.GUARD_ALARMS_TAG).value(guardAlarm)))
                .service()
                .serviceArn();
        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(2)); // moto: running = desired
        createLedgerTable();
        topicArn = sns.createTopic(r -> r.name("platform-" + suffix)).topicArn();
        queueUrl = sqs.createQueue(r -> r.queueName("platform-" + suffix)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        targetGroupArn = elb.createTargetGroup(r -> r.name("tg-" + suffix)
                        .protocol("HTTP")
                        .port(8080)
                        .vpcId(vpcId)
                        .targetType(TargetTypeEnum.IP))
                .targetGroups()
                .getFirst()
                .targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(targetGroupArn)
                .targets(
                        t -> t.id("10.0.1.10").port(8080),
                        t -> t.id("10.0.2.10").port(8080)));
        alarmState("OK");
    }

    private void createLedgerTable() {
        dynamo.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("by-service-time")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        dynamo.updateTimeToLive(r ->
                r.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** The Lambda environment the handlers read, pointing at moto (CloudWatch at WireMock). */
    Map<String, String> environment(int bakeMinutes) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("AWS_ENDPOINT_URL", MotoServer.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", wireMock.baseUrl());
        env.put("AWS_REGION", MotoServer.region().id());
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("LEDGER_TABLE", table);
        env.put("PLATFORM_TOPIC_ARN", topicArn);
        env.put("ENVIRONMENT", "it");
        env.put("BAKE_MINUTES", Integer.toString(bakeMinutes));
        env.put(
                "MANAGED_SERVICES",
                "[{\"repository\":\"" + repository + "\",\"cluster\":\"" + cluster
                        + "\",\"service\":\"" + service + "\",\"container\":\"" + CONTAINER + "\",\"targetGroupArn\":\""
                        + targetGroupArn + "\",\"healthUrl\":\"" + wireMock.baseUrl() + "/health\"}]");
        return env;
    }

    /** CloudWatch DescribeAlarms in Smithy RPCv2 CBOR, as the SDK expects it. */
    void alarmState(String state) {
        Map<String, Object> alarm = Map.of("AlarmName", guardAlarm, "StateValue", state);
        try {
            byte[] body = new CBORMapper()
                    .writeValueAsBytes(Map.of("MetricAlarms", List.of(alarm), "CompositeAlarms", List.of()));
            wireMock.stubFor(post(urlPathMatching(".*/DescribeAlarms"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/cbor")
                            .withHeader("smithy-protocol", "rpc-v2-cbor")
                            .withBody(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void health(int status, String version) {
        wireMock.stubFor(get(urlPathEqualTo("/health"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\",\"version\":\"" + version
                                + "\"}")));
    }

    /** A sample from events-schema, pointed at this world by {@code edit}. */
    static String sample(String file, java.util.function.Consumer<ObjectNode> edit) {
        try {
            ObjectNode event =
                    (ObjectNode) JSON.readTree(EventResources.sample(file).json());
            edit.accept(event);
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int pushes;

    String push(String eventId, String digest, String tag) {
        // ECR stamps a push event with the push time, and pushes are ordered by it: each push here is a second later.
        java.time.Instant pushedAt = java.time.Instant.now().plusSeconds(pushes++);
        return sample("ecr-image-push-sha-tag.json", e -> {
            e.put("id", eventId);
            e.put(
                    "time",
                    pushedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            ObjectNode detail = (ObjectNode) e.get("detail");
            detail.put("repository-name", repository);
            detail.put("image-digest", digest);
            detail.put("image-tag", tag);
        });
    }

    String deploymentEvent(String eventId, String sampleFile, String revisionArn) {
        return sample(sampleFile, e -> {
            e.put("id", eventId);
            e.putArray("resources").add(serviceArn);
            ((ObjectNode) e.get("detail")).put("deploymentId", MotoEcsGaps.deploymentIdOf(revisionArn));
        });
    }

    /** An alarm state change event; CloudWatch (the stand-in the handlers read back) changes state first. */
    String alarm(String eventId, String sampleFile) {
        if (sampleFile.endsWith("-to-alarm.json")) {
            alarmState("ALARM");
        } else if (sampleFile.endsWith("-to-ok.json")) {
            alarmState("OK");
        }
        return sample(sampleFile, e -> {
            e.put("id", eventId);
            ((ObjectNode) e.get("detail")).put("alarmName", guardAlarm);
        });
    }

    static JsonNode invoke(RequestStreamHandler handler, String event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String runningRevision() {
        return ecs.describeServices(r -> r.cluster(cluster).services(service))
                .services()
                .getFirst()
                .taskDefinition();
    }

    List<String> revisions() {
        return ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns();
    }

    List<PlatformEvent> platformEvents() {
        List<PlatformEvent> events = new ArrayList<>();
        List<Message> messages;
        do {
            messages = sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            for (Message message : messages) {
                events.add(codec.decodePlatformEvent(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
        return events;
    }

    <H extends RequestStreamHandler> H handler(Function<Map<String, String>, H> factory, int bakeMinutes) {
        return factory.apply(environment(bakeMinutes));
    }

    <H extends RequestStreamHandler> H handler(
            Function<Map<String, String>, H> factory, int bakeMinutes, Map<String, String> overrides) {
        Map<String, String> env = environment(bakeMinutes);
        env.putAll(overrides);
        return factory.apply(env);
    }

    @Override
    public void close() {
        wireMock.stop();
        dynamo.deleteTable(r -> r.tableName(table));
        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(0));
        ecs.deleteService(r -> r.cluster(cluster).service(service).force(true));
        ecs.deleteCluster(r -> r.cluster(cluster));
        ecr.deleteRepository(r -> r.repositoryName(repository).force(true));
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        sns.deleteTopic(r -> r.topicArn(topicArn));
        elb.deleteTargetGroup(r -> r.targetGroupArn(targetGroupArn));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }
}
