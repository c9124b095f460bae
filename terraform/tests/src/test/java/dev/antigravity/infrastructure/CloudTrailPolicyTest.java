package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trail: every region, validated log files, KMS, and a bucket only this trail writes to and nobody reads publicly. */
class CloudTrailPolicyTest {

    private static final ModuleSource TRAIL = ModuleSource.module("cloudtrail");

    @Test
    void theTrailCoversEveryRegionValidatesItsFilesAndEncryptsThem() {
        JsonNode trail = TRAIL.resource("aws_cloudtrail", "this").body();

        assertThat(trail.path("is_multi_region_trail").asBoolean()).isTrue();
        assertThat(trail.path("include_global_service_events").asBoolean()).isTrue();
        assertThat(trail.path("enable_log_file_validation").asBoolean()).isTrue();
        assertThat(trail.path("enable_logging").asBoolean()).isTrue();
        assertThat(trail.path("kms_key_id").asText()).isEqualTo("${var.kms_key_arn}");
        assertThat(trail.path("s3_bucket_name").asText()).isEqualTo("${aws_s3_bucket.trail.id}");
        assertThat(TerraformConfiguration.strings(trail.path("depends_on"))).contains("${aws_s3_bucket_policy.trail}");
    }

    @Test
    void theBucketIsPrivateVersionedAndKmsEncrypted() {
        JsonNode block =
                TRAIL.resource("aws_s3_bucket_public_access_block", "trail").body();
        JsonNode versioning = TRAIL.resource("aws_s3_bucket_versioning", "trail")
                .nested("versioning_configuration")
                .getFirst();
        JsonNode encryption = TRAIL.resource("aws_s3_bucket_server_side_encryption_configuration", "trail")
                .nested("rule")
                .getFirst()
                .path("apply_server_side_encryption_by_default")
                .get(0);

        for (String setting :
                List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
        }
        assertThat(versioning.path("status").asText()).isEqualTo("Enabled");
        assertThat(encryption.path("sse_algorithm").asText()).isEqualTo("aws:kms");
        assertThat(encryption.path("kms_master_key_id").asText()).isEqualTo("${var.kms_key_arn}");
        assertThat(TRAIL.resource("aws_s3_bucket_ownership_controls", "trail")
                        .nested("rule")
                        .getFirst()
                        .path("object_ownership")
                        .asText())
                .isEqualTo("BucketOwnerEnforced");
    }

    @Test
    void onlyThisTrailMayWriteAndOnlyOverTls() {
        List<JsonNode> statements = statements("trail_bucket");
        List<JsonNode> allows = statements.stream()
                .filter(statement -> !"Deny".equals(statement.path("effect").asText()))
                .toList();
        List<JsonNode> denies = statements.stream()
                .filter(statement -> "Deny".equals(statement.path("effect").asText()))
                .toList();

        assertThat(allows)
                .extracting(statement -> TerraformConfiguration.strings(statement.path("actions")))
                .containsExactlyInAnyOrder(List.of("s3:GetBucketAcl"), List.of("s3:PutObject"));
        assertThat(allows).allSatisfy(statement -> {
            assertThat(statement.path("principals").toString())
                    .contains("cloudtrail.amazonaws.com")
                    .doesNotContain("\"*\"");
            assertThat(statement.path("condition").toString()).contains("aws:SourceArn", "${local.trail_arn}");
        });
        assertThat(allows)
                .filteredOn(statement -> statement.path("actions").toString().contains("s3:PutObject"))
                .singleElement()
                .satisfies(write -> {
                    assertThat(TerraformConfiguration.strings(write.path("resources")))
                            .containsExactly("${aws_s3_bucket.trail.arn}/AWSLogs/${local.account_id}/*");
                    assertThat(write.path("condition").toString()).contains("bucket-owner-full-control");
                });
        assertThat(denies).singleElement().satisfies(deny -> {
            assertThat(TerraformConfiguration.strings(deny.path("actions"))).containsExactly("s3:*");
            assertThat(deny.path("condition").toString()).contains("aws:SecureTransport");
        });
        assertThat(TRAIL.locals().path("trail_arn").asText()).endsWith(":trail/${var.name}");
        assertThat(TRAIL.resource("aws_cloudtrail", "this").body().path("name").asText())
                .isEqualTo("${var.name}");
        assertThat(TRAIL.resource("aws_s3_bucket_policy", "trail")
                        .body()
                        .path("policy")
                        .asText())
                .isEqualTo("${data.aws_iam_policy_document.trail_bucket.json}");
    }

    @Test
    void thePlatformKeyLetsOnlyThisAccountsTrailsEncrypt() {
        ModuleSource kms = ModuleSource.module("kms");
        JsonNode document = kms.data("aws_iam_policy_document").stream()
                .filter(block -> block.name().equals("key"))
                .findFirst()
                .orElseThrow()
                .body();
        List<JsonNode> trailStatements = new ArrayList<>();
        document.path("statement").forEach(statement -> {
            if (statement.toString().contains("cloudtrail.amazonaws.com")) {
                trailStatements.add(statement);
            }
        });

        assertThat(trailStatements)
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.path("condition").toString())
                        .contains("aws:SourceAccount", "${local.account_id}"));
        assertThat(trailStatements).anySatisfy(statement -> {
            assertThat(TerraformConfiguration.strings(statement.path("actions")))
                    .containsExactly("kms:GenerateDataKey*");
            assertThat(statement.path("condition").toString()).contains("kms:EncryptionContext:aws:cloudtrail:arn");
        });
        assertThat(trailStatements)
                .flatMap(statement -> TerraformConfiguration.strings(statement.path("actions")))
                .doesNotContain("kms:Decrypt", "kms:*");
    }

    @Test
    void prodRecordsEveryApiCall() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            JsonNode call =
                    ModuleSource.environment(name).moduleCall("cloudtrail").body();
            assertThat(call.path("count").asText()).isEqualTo("${var.enable_cloudtrail ? 1 : 0}");
            assertThat(call.path("kms_key_arn").asText()).isEqualTo("${module.kms.key_arn}");
        }
        ModuleSource common = ModuleSource.at(RepositoryLayout.ENVIRONMENTS.resolve("common"));
        assertThat(common.variableDefault("enable_cloudtrail").asBoolean()).isTrue();
        assertThat(TerraformConfiguration.tfvarsExample("prod")
                        .path("enable_cloudtrail")
                        .asBoolean(true))
                .as("prod")
                .isTrue();
        assertThat(TRAIL.variableDefault("log_retention_days").asInt()).isGreaterThanOrEqualTo(365);
    }

    private static List<JsonNode> statements(String document) {
        JsonNode body = TRAIL.data("aws_iam_policy_document").stream()
                .filter(block -> block.name().equals(document))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy document " + document))
                .body();
        List<JsonNode> statements = new ArrayList<>();
        body.path("statement").forEach(statements::add);
        return statements;
    }
}
