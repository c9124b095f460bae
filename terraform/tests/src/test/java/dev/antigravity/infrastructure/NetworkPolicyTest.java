package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who can reach what: the tasks only through the load balancer, the database only from the tasks. */
class NetworkPolicyTest {

    private static final List<String> CIDR_SOURCES =
            List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id", "cidr_blocks", "ipv6_cidr_blocks");

    @Test
    void taskSecurityGroupAdmitsOnlyTheLoadBalancerOnTheContainerPort() {
        ModuleSource ecs = ModuleSource.module("ecs-service");
        Block group = ecs.resource("aws_security_group", "service");
        List<Block> ingress = ingressRulesOf(ecs, "${aws_security_group.service.id}");

        assertThat(group.body().has("ingress"))
                .as("no inline ingress on the task security group")
                .isFalse();
        assertThat(ingress).singleElement().satisfies(rule -> {
            JsonNode body = rule.body();
            assertThat(body.path("referenced_security_group_id").asText())
                    .isEqualTo("${var.load_balancer_security_group_id}");
            assertThat(body.path("from_port").asText()).isEqualTo("${var.container_port}");
            assertThat(body.path("to_port").asText()).isEqualTo("${var.container_port}");
            assertThat(body.path("ip_protocol").asText()).isEqualTo("tcp");
            CIDR_SOURCES.forEach(
                    source -> assertThat(body.has(source)).as(source).isFalse());
        });
        assertThat(TerraformConfiguration.parsed().resources("aws_security_group_rule"))
                .as("legacy rules bypassing this test")
                .isEmpty();
    }

    @Test
    void environmentsWireTheLoadBalancerGroupAndOnePortThrough() {
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            JsonNode service = environment.moduleCall("ecs_service").body();
            JsonNode alb = environment.moduleCall("alb").body();

            assertThat(service.path("load_balancer_security_group_id").asText())
                    .isEqualTo("${module.alb.security_group_id}");
            assertThat(service.path("container_port").asText()).isEqualTo("${var.container_port}");
            assertThat(alb.path("container_port").asText()).isEqualTo("${var.container_port}");
            assertThat(TerraformConfiguration.strings(
                            environment.moduleCall("database").body().path("allowed_security_group_ids")))
                    .containsExactly("${module.ecs_service.security_group_id}");
        }
    }

    /**
     * {@code /observe/*} (revenue metrics, heap and disk sizes) is served on the API's management
     * port: the task pins it, it differs from the container port, and neither the target group
     * nor the task security group names it, so the internet cannot reach it through the ALB.
     */
    @Test
    void theManagementPortIsPinnedAndNeverForwarded() {
        ModuleSource ecs = ModuleSource.module("ecs-service");
        ModuleSource alb = ModuleSource.module("alb");

        assertThat(ecs.locals().path("environment").toString()).contains("MANAGEMENT_PORT", "var.management_port");
        assertThat(ecs.variableDefault("management_port").asInt())
                .isEqualTo(8081)
                .isNotEqualTo(ecs.variableDefault("container_port").asInt());
        assertThat(ecs.resource("aws_ecs_task_definition", "this").body().toString())
                .doesNotContain("management_port");
        Block targetGroup = alb.resource("aws_lb_target_group", "this");
        assertThat(targetGroup.body().path("port").asText()).isEqualTo("${var.container_port}");
        assertThat(alb.valueOf(targetGroup.nested("health_check").getFirst(), "path")
                        .asText())
                .isEqualTo("/health");
    }

    @Test
    void tasksGetNoPublicIp() {
        List<Block> services = TerraformConfiguration.parsed().resources("aws_ecs_service");

        assertThat(services).isNotEmpty().allSatisfy(service -> {
            List<JsonNode> network = service.nested("network_configuration");
            assertThat(network)
                    .as(service.address())
                    .singleElement()
                    .satisfies(
                            config -> assertThat(config.path("assign_public_ip").isBoolean()
                                            && !config.path("assign_public_ip").asBoolean())
                                    .as("assign_public_ip = false, explicitly")
                                    .isTrue());
            assertThat(network.getFirst().path("subnets").asText()).isEqualTo("${var.private_subnet_ids}");
        });
    }

    @Test
    void databaseAdmitsOnlySecurityGroupsAndIsNotPublic() {
        ModuleSource database = ModuleSource.module("database");
        List<Block> ingress = ingressRulesOf(database, "${aws_security_group.database.id}");

        assertThat(ingress).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.body().path("referenced_security_group_id").asText())
                    .isEqualTo("${each.value}");
            CIDR_SOURCES.forEach(
                    source -> assertThat(rule.body().has(source)).as(source).isFalse());
        });
        assertThat(database.resource("aws_db_instance", "this")
                        .body()
                        .path("publicly_accessible")
                        .asBoolean(true))
                .isFalse();
    }

    @Test
    void loadBalancerReachesOnlyTheTargetSubnetsOnTheContainerPort() {
        ModuleSource alb = ModuleSource.module("alb");
        List<Block> egress = alb.resources("aws_vpc_security_group_egress_rule");

        assertThat(egress).singleElement().satisfies(rule -> {
            assertThat(rule.body().path("cidr_ipv4").asText()).isEqualTo("${each.value}");
            assertThat(rule.body().path("from_port").asText()).isEqualTo("${var.container_port}");
            assertThat(rule.body().path("for_each").asText()).isEqualTo("${toset(var.target_cidrs)}");
        });
    }

    @Test
    void networkHasTheSpecifiedAddressPlanNatPerZoneAndFlowLogs() {
        ModuleSource network = ModuleSource.module("network");

        assertThat(network.variableDefault("vpc_cidr").asText()).isEqualTo("10.0.0.0/16");
        assertThat(TerraformConfiguration.strings(network.variableDefault("public_subnet_cidrs")))
                .containsExactly("10.0.1.0/24", "10.0.2.0/24");
        assertThat(TerraformConfiguration.strings(network.variableDefault("private_subnet_cidrs")))
                .containsExactly("10.0.11.0/24", "10.0.12.0/24");
        assertThat(network.resource("aws_nat_gateway", "this")
                        .body()
                        .path("for_each")
                        .asText())
                .isEqualTo("${local.nat_zones}");
        assertThat(network.locals().path("nat_zones").asText())
                .isEqualTo("${var.single_nat_gateway ? { (var.availability_zones[0]) = 0 } : local.zones}");
        assertThat(network.variableDefault("single_nat_gateway").asBoolean(true))
                .as("a NAT gateway per zone by default")
                .isFalse();
        assertThat(TerraformConfiguration.tfvarsExample("prod")
                        .path("single_nat_gateway")
                        .asBoolean(false))
                .as("prod")
                .isFalse();
        assertThat(network.resource("aws_route", "private_nat")
                        .body()
                        .path("nat_gateway_id")
                        .asText())
                .isEqualTo("${aws_nat_gateway.this[var.single_nat_gateway ? var.availability_zones[0] : each.key].id}");
        assertThat(network.resource("aws_flow_log", "this")
                        .body()
                        .path("traffic_type")
                        .asText())
                .isEqualTo("ALL");
        assertThat(network.resource("aws_subnet", "public")
                        .body()
                        .path("map_public_ip_on_launch")
                        .asBoolean(true))
                .isFalse();
    }

    /**
     * The lifecycle hook smoke-tests the blue/green test listener (:8443 by default) from the private
     * subnets: the functions' security group must let that port out, not only 443.
     */
    @Test
    void theLifecycleSmokeTestMayReachTheTestListenerPort() {
        ModuleSource hooks = ModuleSource.module("deploy-hooks");
        Block egress = hooks.resource("aws_vpc_security_group_egress_rule", "functions_test_listener");

        assertThat(egress.body().path("security_group_id").asText()).isEqualTo("${aws_security_group.functions.id}");
        assertThat(egress.body().path("from_port").asText()).isEqualTo("${local.test_listener_port}");
        assertThat(egress.body().path("count").asText())
                .isEqualTo("${coalesce(local.test_listener_port, 443) == 443 ? 0 : 1}");
        assertThat(hooks.locals().path("test_listener_port").asText())
                .contains("var.lifecycle_test_listener_url", "regexall");
        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            assertThat(ModuleSource.environment(name)
                            .moduleCall("deploy_hooks")
                            .body()
                            .path("lifecycle_test_listener_url")
                            .asText())
                    .contains(":${module.alb.test_listener_port}");
        }
    }

    private static List<Block> ingressRulesOf(ModuleSource module, String groupReference) {
        return module.resources("aws_vpc_security_group_ingress_rule").stream()
                .filter(rule -> rule.body().path("security_group_id").asText().equals(groupReference))
                .toList();
    }
}
