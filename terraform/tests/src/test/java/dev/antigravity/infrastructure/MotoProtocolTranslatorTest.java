package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The translator against a moto_server of its own, speaking as the AWS SDK for Go does. */
class MotoProtocolTranslatorTest {

    private static final CBORMapper CBOR = new CBORMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static MotoServer moto;
    private static MotoProtocolTranslator translator;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start("111111111111", RepositoryLayout.TERRAFORM.resolve("tests/target/translator-moto.log"));
        translator = MotoProtocolTranslator.start(moto.endpoint(), "eu-west-1", "111111111111");
    }

    @AfterAll
    static void stop() {
        if (translator != null) {
            translator.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void cloudWatchRpcV2CborReachesMotoAndTimestampsComeBackTagged() throws Exception {
        HttpResponse<byte[]> put = cbor(
                "PutMetricAlarm",
                Map.of(
                        "AlarmName",
                        "translator-test",
                        "Namespace",
                        "AWS/ECS",
                        "MetricName",
                        "CPUUtilization",
                        "Statistic",
                        "Average",
                        "Period",
                        60,
                        "EvaluationPeriods",
                        1,
                        "Threshold",
                        90.0,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "AlarmActions",
                        List.of("arn:aws:sns:eu-west-1:111111111111:oncall")));
        assertThat(put.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> described = cbor("DescribeAlarms", Map.of("AlarmNames", List.of("translator-test")));

        assertThat(described.statusCode()).isEqualTo(200);
        assertThat(described.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode alarm = CBOR.readTree(described.body()).path("MetricAlarms").get(0);
        assertThat(alarm.path("AlarmName").asText()).isEqualTo("translator-test");
        assertThat(alarm.path("AlarmActions").get(0).asText()).isEqualTo("arn:aws:sns:eu-west-1:111111111111:oncall");
        assertThat(tagOf(described.body(), "StateUpdatedTimestamp"))
                .as("CBOR tag of the timestamp")
                .isEqualTo(1);
    }

    @Test
    void cloudWatchErrorsKeepTheirStatusAndType() throws Exception {
        HttpResponse<byte[]> missing = cbor("DeleteDashboards", Map.of("DashboardNames", List.of("no-such-dashboard")));

        assertThat(missing.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(CBOR.readTree(missing.body()).path("__type").asText()).contains("ResourceNotFound");
    }

    @Test
    void scalableTargetTagsAreKeptByArn() throws Exception {
        JsonNode registered = autoScaling(
                "RegisterScalableTarget",
                Map.of(
                        "ServiceNamespace",
                        "dynamodb",
                        "ResourceId",
                        "table/translator",
                        "ScalableDimension",
                        "dynamodb:table:ReadCapacityUnits",
                        "MinCapacity",
                        1,
                        "MaxCapacity",
                        2,
                        "Tags",
                        Map.of("Project", "antigravity")));
        String arn = registered.path("ScalableTargetARN").asText();
        assertThat(arn).startsWith("arn:aws:application-autoscaling:");

        autoScaling("TagResource", Map.of("ResourceARN", arn, "Tags", Map.of("Environment", "prod")));
        autoScaling("UntagResource", Map.of("ResourceARN", arn, "TagKeys", List.of("Project")));

        assertThat(autoScaling("ListTagsForResource", Map.of("ResourceARN", arn))
                        .path("Tags"))
                .isEqualTo(JSON.valueToTree(Map.of("Environment", "prod")));
    }

    @Test
    void elastiCacheParameterGroupsKeepTheirParametersAndTags() throws Exception {
        String arn = "arn:aws:elasticache:eu-west-1:111111111111:parametergroup:translator-valkey8";
        assertThat(
                        elastiCache(
                                "Action=CreateCacheParameterGroup&CacheParameterGroupName=translator-valkey8"
                                        + "&CacheParameterGroupFamily=valkey8&Description=test&Tags.Tag.1.Key=Project&Tags.Tag.1.Value=antigravity"))
                .contains("<ARN>" + arn + "</ARN>");
        elastiCache("Action=ModifyCacheParameterGroup&CacheParameterGroupName=translator-valkey8"
                + "&ParameterNameValues.ParameterNameValue.1.ParameterName=maxmemory-policy"
                + "&ParameterNameValues.ParameterNameValue.1.ParameterValue=volatile-lru");

        assertThat(elastiCache("Action=DescribeCacheParameters&CacheParameterGroupName=translator-valkey8&Source=user"))
                .contains(
                        "<ParameterName>maxmemory-policy</ParameterName><ParameterValue>volatile-lru</ParameterValue>");
        assertThat(elastiCache("Action=ListTagsForResource&ResourceName=" + arn))
                .contains("<Tag><Key>Project</Key><Value>antigravity</Value></Tag>");

        elastiCache("Action=DeleteCacheParameterGroup&CacheParameterGroupName=translator-valkey8");
        HttpResponse<String> gone =
                elastiCacheResponse("Action=DescribeCacheParameterGroups&CacheParameterGroupName=translator-valkey8");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("<Code>CacheParameterGroupNotFound</Code>");
    }

    @Test
    void aReplicationGroupsMembersAreDescribedFromItsSettings() throws Exception {
        elastiCache("Action=CreateReplicationGroup&ReplicationGroupId=translator-rg&ReplicationGroupDescription=test"
                + "&Engine=valkey&EngineVersion=8.0&CacheNodeType=cache.t4g.micro&NumCacheClusters=2"
                + "&SecurityGroupIds.SecurityGroupId.1=sg-0123&CacheParameterGroupName=translator-valkey8"
                + "&SnapshotWindow=03%3A00-04%3A00&AtRestEncryptionEnabled=true&TransitEncryptionEnabled=true");

        assertThat(elastiCache("Action=DescribeCacheClusters&CacheClusterId=translator-rg-002&ShowCacheNodeInfo=true"))
                .contains(
                        "<CacheClusterId>translator-rg-002</CacheClusterId>",
                        "<CacheClusterStatus>available</CacheClusterStatus>",
                        "<ReplicationGroupId>translator-rg</ReplicationGroupId>",
                        "<CacheNodeType>cache.t4g.micro</CacheNodeType>",
                        "<Engine>valkey</Engine>",
                        "<SnapshotWindow>03:00-04:00</SnapshotWindow>",
                        "<SecurityGroupId>sg-0123</SecurityGroupId>",
                        "<CacheParameterGroupName>translator-valkey8</CacheParameterGroupName>");
        assertThat(elastiCacheResponse("Action=DescribeCacheClusters&CacheClusterId=translator-rg-003")
                        .statusCode())
                .as("no third member")
                .isEqualTo(404);

        elastiCache("Action=DeleteReplicationGroup&ReplicationGroupId=translator-rg");
        assertThat(elastiCacheResponse("Action=DescribeCacheClusters&CacheClusterId=translator-rg-001")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anSesConfigurationSetIsReadWithItsSendingOptionAsABoolean() throws Exception {
        sesV2(
                "/v2/email/configuration-sets",
                Map.of("ConfigurationSetName", "translator-set", "SendingOptions", Map.of("SendingEnabled", true)));

        JsonNode read = sesV2("/v2/email/configuration-sets/translator-set", null);

        JsonNode sending = read.path("SendingOptions").path("SendingEnabled");
        assertThat(sending.isBoolean()).as("SendingEnabled in " + read).isTrue();
        assertThat(sending.asBoolean()).isTrue();
    }

    @Test
    void anSesEmailIdentityHasEpochSecondTimestampsAndItsDkimTokens() throws Exception {
        JsonNode created = sesV2(
                "/v2/email/identities",
                Map.of(
                        "EmailIdentity",
                        "translator.example.com",
                        "DkimSigningAttributes",
                        Map.of("NextSigningKeyLength", "RSA_2048_BIT")));

        JsonNode dkim = created.path("DkimAttributes");
        assertThat(dkim.path("LastKeyGenerationTimestamp").isNumber())
                .as("LastKeyGenerationTimestamp in " + created)
                .isTrue();
        assertThat(dkim.path("Tokens")).as("Easy DKIM's tokens in " + created).hasSize(3);
        assertThat(sesV2("/v2/email/identities/translator.example.com", null)
                        .path("DkimAttributes")
                        .path("Tokens"))
                .as("the same tokens on every read")
                .isEqualTo(dkim.path("Tokens"));
    }

    @Test
    void anEcsServicesCapacityProviderStrategyIsDescribedAsGiven() throws Exception {
        String ecs = "AmazonEC2ContainerServiceV20141113.";
        jsonCall(ecs + "CreateCluster", "ecs", Map.of("clusterName", "translator-cluster"));
        List<Map<String, Object>> strategy = List.of(
                Map.of("capacityProvider", "FARGATE", "base", 1, "weight", 1),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0, "weight", 3));
        jsonCall(
                ecs + "CreateService",
                "ecs",
                Map.of(
                        "cluster",
                        "translator-cluster",
                        "serviceName",
                        "api",
                        "desiredCount",
                        0,
                        "capacityProviderStrategy",
                        strategy));

        JsonNode service = jsonCall(
                        ecs + "DescribeServices",
                        "ecs",
                        Map.of("cluster", "translator-cluster", "services", List.of("api")))
                .path("services")
                .get(0);

        assertThat(service.path("capacityProviderStrategy")).isEqualTo(JSON.valueToTree(strategy));
        assertThat(service.has("launchType")).as("launchType in " + service).isFalse();
    }

    @Test
    void otherElastiCacheCallsReachMoto() throws Exception {
        assertThat(elastiCache("Action=DescribeCacheSubnetGroups")).contains("DescribeCacheSubnetGroupsResult");
    }

    @Test
    void logsQueryDefinitionsAreKeptAndFoundByNamePrefix() throws Exception {
        String id = logs(
                        "PutQueryDefinition",
                        Map.of(
                                "name",
                                "antigravity/errors",
                                "queryString",
                                "fields @message",
                                "logGroupNames",
                                List.of("/ecs/antigravity")))
                .path("queryDefinitionId")
                .asText();

        JsonNode found = logs("DescribeQueryDefinitions", Map.of("queryDefinitionNamePrefix", "antigravity/"))
                .path("queryDefinitions");
        assertThat(found).singleElement().satisfies(definition -> {
            assertThat(definition.path("queryDefinitionId").asText()).isEqualTo(id);
            assertThat(definition.path("logGroupNames").get(0).asText()).isEqualTo("/ecs/antigravity");
        });
        assertThat(logs("DeleteQueryDefinition", Map.of("queryDefinitionId", id))
                        .path("success")
                        .asBoolean())
                .isTrue();
        assertThat(logs("DescribeQueryDefinitions", Map.of()).path("queryDefinitions"))
                .isEmpty();
    }

    @Test
    void aTrailNamedByArnStartsLogging() throws Exception {
        HttpResponse<String> bucket = CLIENT.send(
                HttpRequest.newBuilder(moto.endpoint().resolve("/translator-trail"))
                        .header("Authorization", signature("s3"))
                        .PUT(HttpRequest.BodyPublishers.ofString("<CreateBucketConfiguration>"
                                + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bucket.statusCode()).as(bucket.body()).isEqualTo(200);
        String arn = cloudTrail("CreateTrail", Map.of("Name", "translator-trail", "S3BucketName", "translator-trail"))
                .path("TrailARN")
                .asText();

        cloudTrail("StartLogging", Map.of("Name", arn));

        assertThat(cloudTrail("GetTrailStatus", Map.of("Name", arn))
                        .path("IsLogging")
                        .asBoolean())
                .isTrue();
    }

    private static JsonNode cloudTrail(String operation, Map<String, Object> input) throws Exception {
        return jsonCall("CloudTrail_20131101." + operation, "cloudtrail", input);
    }

    private static String elastiCache(String form) throws Exception {
        HttpResponse<String> response = elastiCacheResponse(form);
        assertThat(response.statusCode()).as(form + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> elastiCacheResponse(String form) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(translator.endpoint().resolve("/"))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .header("Authorization", signature("elasticache"))
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2015-02-02"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode logs(String operation, Map<String, Object> input) throws Exception {
        return jsonCall("Logs_20140328." + operation, "logs", input);
    }

    private static HttpResponse<byte[]> cbor(String operation, Map<String, Object> input) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(translator
                                .endpoint()
                                .resolve("/service/GraniteServiceVersion20100801/operation/" + operation))
                        .header("smithy-protocol", "rpc-v2-cbor")
                        .header("Content-Type", "application/cbor")
                        .header("Accept", "application/cbor")
                        .header("Authorization", signature("monitoring"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(CBOR.writeValueAsBytes(input)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode autoScaling(String operation, Map<String, Object> input) throws Exception {
        return jsonCall("AnyScaleFrontendService." + operation, "application-autoscaling", input);
    }

    private static JsonNode jsonCall(String target, String service, Map<String, Object> input) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(translator.endpoint().resolve("/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", target)
                        .header("Authorization", signature(service))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(input)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(target + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** An SES v2 call through the translator: a GET without {@code input}, else a POST of it as JSON. */
    private static JsonNode sesV2(String path, Map<String, Object> input) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(translator.endpoint().resolve(path)).header("Authorization", signature("ses"));
        if (input != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(input)));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** moto routes by the signing service in the credential scope and does not verify signatures. */
    private static String signature(String service) {
        return "AWS4-HMAC-SHA256 Credential=testing/20260101/eu-west-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=0";
    }

    /** The CBOR tag on the first value of the named field. */
    private static int tagOf(byte[] cbor, String field) throws Exception {
        try (CBORParser parser = (CBORParser) CBOR.getFactory().createParser(cbor)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.currentName().equals(field)) {
                    parser.nextToken();
                    return parser.getCurrentTag();
                }
            }
        }
        throw new AssertionError(field + " not in the response");
    }
}
