package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue cache: Valkey in the private subnets, encrypted at rest with the platform key and
 * in transit, its AUTH token only in Secrets Manager (and the task), reachable from the tasks only.
 */
class CachePolicyTest {
    private static final ModuleSource CACHE = ModuleSource.module("cache");

    @Test
    void theReplicationGroupIsEncryptedEverywhereAndFailsOver() {
        JsonNode group =
                CACHE.resource("aws_elasticache_replication_group", "this").body();

        assertThat(group.path("engine").asText()).isEqualTo("valkey");
        assertThat(group.path("at_rest_encryption_enabled").asBoolean()).isTrue();
        assertThat(group.path("kms_key_id").asText()).isEqualTo("${var.kms_key_arn}");
        assertThat(group.path("transit_encryption_enabled").asBoolean()).isTrue();
        assertThat(group.path("transit_encryption_mode").asText()).isEqualTo("required");
        assertThat(group.path("auth_token").asText())
                .isEqualTo("${aws_secretsmanager_secret_version.auth_token.secret_string}");
        assertThat(group.path("subnet_group_name").asText()).isEqualTo("${aws_elasticache_subnet_group.this.name}");
        assertThat(CACHE.resource("aws_elasticache_subnet_group", "this")
                        .body()
                        .path("subnet_ids")
                        .asText())
                .isEqualTo("${var.subnet_ids}");
        assertThat(TerraformConfiguration.strings(group.path("security_group_ids")))
                .containsExactly("${aws_security_group.cache.id}");
        assertThat(CACHE.variableDefault("nodes").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(group.path("automatic_failover_enabled").asBoolean()).isTrue();
        assertThat(group.path("multi_az_enabled").asBoolean()).isTrue();
    }

    /** The service's invalidation relies on its TTL-less generation keys never being evicted. */
    @Test
    void onlyKeysWithATtlAreEvicted() {
        JsonNode parameters =
                CACHE.resource("aws_elasticache_parameter_group", "this").body();

        assertThat(parameters.path("parameter").toString())
                .contains("maxmemory-policy")
                .contains("volatile-lru");
    }

    @Test
    void theAuthTokenLivesInAKmsEncryptedSecret() {
        JsonNode secret =
                CACHE.resource("aws_secretsmanager_secret", "auth_token").body();
        JsonNode version = CACHE.resource("aws_secretsmanager_secret_version", "auth_token")
                .body();

        assertThat(secret.path("kms_key_id").asText()).isEqualTo("${var.kms_key_arn}");
        assertThat(version.path("secret_string").asText())
                .isEqualTo("${sensitive(data.aws_secretsmanager_random_password.auth_token.random_password)}");
        // Generated once: a data source answers anew on every plan, so the version keeps its first value.
        assertThat(version.path("lifecycle").path(0).path("ignore_changes").toString())
                .contains("secret_string");
        JsonNode generator =
                CACHE.data("aws_secretsmanager_random_password").getFirst().body();
        assertThat(generator.path("password_length").asInt()).isBetween(16, 128);
        // ElastiCache refuses @, " and / in a token: no punctuation at all.
        assertThat(generator.path("exclude_punctuation").asBoolean()).isTrue();
    }

    @Test
    void onlyTheAllowedGroupsReachTheCacheAndOnlyOnItsPort() {
        List<Block> ingress = CACHE.resources("aws_vpc_security_group_ingress_rule");
        List<Block> egress = CACHE.resources("aws_vpc_security_group_egress_rule");

        assertThat(ingress).singleElement().satisfies(rule -> {
            JsonNode body = rule.body();
            assertThat(body.path("security_group_id").asText()).isEqualTo("${aws_security_group.cache.id}");
            assertThat(body.path("referenced_security_group_id").asText()).isEqualTo("${each.value}");
            assertThat(body.path("for_each").asText())
                    .isEqualTo("${{ for index, id in var.allowed_security_group_ids : tostring(index) => id }}");
            assertThat(body.path("from_port").asText()).isEqualTo("${var.port}");
            assertThat(body.path("to_port").asText()).isEqualTo("${var.port}");
            List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id")
                    .forEach(source -> assertThat(body.has(source)).as(source).isFalse());
        });
        assertThat(egress).singleElement().satisfies(rule -> {
            assertThat(rule.body().path("referenced_security_group_id").asText())
                    .isEqualTo("${aws_security_group.cache.id}");
            assertThat(rule.body().path("to_port").asText()).isEqualTo("${var.port}");
        });
        assertThat(CACHE.resource("aws_security_group", "cache").body().has("ingress"))
                .as("no inline rules")
                .isFalse();
    }

    @Test
    void environmentsGiveTheTasksTheUrlAndTheTokenAsASecret() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            JsonNode cache = environment.moduleCall("cache").body();
            JsonNode service = environment.moduleCall("ecs_service").body();

            assertThat(TerraformConfiguration.strings(cache.path("allowed_security_group_ids")))
                    .containsExactly("${module.ecs_service.security_group_id}");
            assertThat(cache.path("kms_key_arn").asText()).isEqualTo("${module.kms.key_arn}");
            assertThat(cache.path("subnet_ids").asText()).isEqualTo("${module.network.database_subnet_ids}");
            assertThat(service.path("environment").toString())
                    .contains("CACHE_URL")
                    .contains("module.cache.url")
                    .doesNotContain("CACHE_PASSWORD");
            assertThat(service.path("secrets").toString())
                    .contains("CACHE_PASSWORD")
                    .contains("module.cache.auth_token_secret_arn");
            assertThat(service.path("secret_arns").toString()).contains("module.cache.auth_token_secret_arn");
        }
    }
}
