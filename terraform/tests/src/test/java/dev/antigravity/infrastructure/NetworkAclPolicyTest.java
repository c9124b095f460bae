package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The network ACLs (modules/network/network_acls.tf) admit exactly what the security groups do: every
 * security-group rule of the repository is a connection between two places, and each connection needs
 * its port open on the way out and in, its answers open on the ephemeral ports on the way back, and
 * (to the internet from the private tier) the same through the NAT gateways in the public tier.
 * Conversely every ACL rule is needed by some connection.
 */
class NetworkAclPolicyTest {

    /** Where traffic starts or ends: a subnet tier, the internet, or the test listener's admitted clients. */
    enum Place {
        PUBLIC,
        PRIVATE,
        DATABASE,
        INTERNET,
        TEST_CLIENTS;

        boolean inVpc() {
            return this == PUBLIC || this == PRIVATE || this == DATABASE;
        }

        String tier() {
            return name().toLowerCase();
        }
    }

    /** A connection a security-group rule admits: from, to, on port. */
    record Connection(String rule, Place from, Place to, int port) {}

    /** One direction of one tier's ACL that must admit a port ("ephemeral" = the return range) to or from a place. */
    record Leg(Place tier, String direction, String port, Place peer) {
        @Override
        public String toString() {
            return tier.tier() + " " + direction + " " + port + (direction.equals("ingress") ? " from " : " to ")
                    + peer;
        }
    }

    /** An ACL rule as written in local.network_acl_rules. */
    record AclRule(Place tier, String direction, String name, String port, String cidrs) {}

    private static final ModuleSource NETWORK = ModuleSource.module("network");
    private static final ModuleSource ALB = ModuleSource.module("alb");

    /**
     * Every security-group rule of the repository, by module/resource, and the places it connects. A new
     * rule fails {@link #everySecurityGroupRuleIsClassified} until it is added here (and the ACLs follow).
     */
    private static final Map<String, Place[]> SECURITY_GROUP_RULES = Map.ofEntries(
            Map.entry("alb/https", new Place[] {Place.INTERNET, Place.PUBLIC}),
            Map.entry("alb/http_redirect", new Place[] {Place.INTERNET, Place.PUBLIC}),
            Map.entry("alb/test_listener", new Place[] {Place.TEST_CLIENTS, Place.PUBLIC}),
            Map.entry("alb/targets", new Place[] {Place.PUBLIC, Place.PRIVATE}),
            Map.entry("ecs-service/from_load_balancer", new Place[] {Place.PUBLIC, Place.PRIVATE}),
            Map.entry("ecs-service/https", new Place[] {Place.PRIVATE, Place.INTERNET}),
            Map.entry("ecs-service/database", new Place[] {Place.PRIVATE, Place.DATABASE}),
            Map.entry("database/from_service", new Place[] {Place.PRIVATE, Place.DATABASE}),
            Map.entry("cache/from_clients", new Place[] {Place.PRIVATE, Place.DATABASE}),
            Map.entry("cache/to_cache", new Place[] {Place.PRIVATE, Place.DATABASE}),
            Map.entry("deploy-hooks/functions_https", new Place[] {Place.PRIVATE, Place.INTERNET}),
            Map.entry("deploy-hooks/functions_test_listener", new Place[] {Place.PRIVATE, Place.INTERNET}));

    /**
     * Connections no security group of ours describes: ElastiCache replicas copy from the primary in
     * the other zone, inside the database tier, on the cache port.
     */
    private static List<Connection> awsManagedConnections() {
        return List.of(new Connection(
                "cache replication",
                Place.DATABASE,
                Place.DATABASE,
                NETWORK.variableDefault("cache_port").asInt()));
    }

    @Test
    void everySecurityGroupRuleIsClassified() {
        List<String> rules =
                securityGroupRules().stream().map(NetworkAclPolicyTest::key).toList();

        assertThat(rules).as("security-group rules of the repository").hasSizeGreaterThanOrEqualTo(10);
        assertThat(rules).containsExactlyInAnyOrderElementsOf(SECURITY_GROUP_RULES.keySet());
    }

    @Test
    void everyConnectionIsAdmittedBothWaysIncludingItsAnswers() {
        Set<Leg> admitted = admittedLegs();
        Set<String> missing = new TreeSet<>();
        for (Connection connection : connections()) {
            for (Leg leg : legsOf(connection)) {
                if (!admitted.contains(leg)) {
                    missing.add(leg + " (" + connection.rule() + ")");
                }
            }
        }
        assertThat(missing).as("ACL rules the security groups need").isEmpty();
    }

    @Test
    void everyAclRuleIsNeededByAConnection() {
        Set<Leg> needed = new LinkedHashSet<>();
        connections().forEach(connection -> needed.addAll(legsOf(connection)));
        List<String> unneeded = new ArrayList<>();
        for (AclRule rule : aclRules()) {
            Set<Place> places = placesOf(rule.cidrs());
            Set<Place> neededPlaces = EnumSet.noneOf(Place.class);
            needed.stream()
                    .filter(leg -> leg.tier() == rule.tier()
                            && leg.direction().equals(rule.direction())
                            && leg.port().equals(rule.port()))
                    .forEach(leg -> neededPlaces.add(leg.peer()));
            boolean serves = places.stream().anyMatch(neededPlaces::contains);
            boolean broaderThanNeeded =
                    places.contains(Place.INTERNET) && neededPlaces.stream().allMatch(Place::inVpc);
            if (!serves || broaderThanNeeded) {
                unneeded.add(rule.tier().tier() + " " + rule.direction() + " " + rule.name() + " " + rule.port() + " "
                        + rule.cidrs() + " (needed towards " + neededPlaces + ")");
            }
        }
        assertThat(unneeded)
                .as("ACL rules no connection needs, or open wider than needed")
                .isEmpty();
    }

    @Test
    void theEphemeralRangeCoversEveryInitiatorButNotRdp() {
        Set<Integer> covered = new TreeSet<>();
        NETWORK.locals().path("ephemeral_port_ranges").forEach(range -> {
            for (int port = range.path("from_port").asInt();
                    port <= range.path("to_port").asInt();
                    port++) {
                covered.add(port);
            }
        });

        assertThat(covered)
                .as("NAT gateways and load balancers use 1024-65535")
                .contains(1024, 32768, 60999, 65535)
                .hasSize(65535 - 1024 + 1 - 1)
                .doesNotContain(3389, 22, 1023);
    }

    @Test
    void everyTierHasItsOwnAclAndTheRulesAreWrittenOutOncePerBlock() {
        JsonNode tiers = NETWORK.locals().path("tier_subnets");
        Block acl = NETWORK.resource("aws_network_acl", "tier");
        Block rule = NETWORK.resource("aws_network_acl_rule", "tier");

        for (Place tier : List.of(Place.PUBLIC, Place.PRIVATE, Place.DATABASE)) {
            assertThat(tiers.path(tier.tier()).asText()).isEqualTo("${aws_subnet." + tier.tier() + "}");
        }
        assertThat(acl.body().path("for_each").asText()).isEqualTo("${local.tier_subnets}");
        assertThat(acl.body().path("subnet_ids").asText()).isEqualTo("${[for subnet in each.value : subnet.id]}");
        assertThat(rule.body().path("for_each").asText()).isEqualTo("${local.network_acl_entries}");
        assertThat(rule.body().path("rule_action").asText()).isEqualTo("allow");
        assertThat(rule.body().path("protocol").asText()).isEqualTo("tcp");
        assertThat(NETWORK.resources("aws_network_acl_rule"))
                .as("no rule outside the table")
                .hasSize(1);
        assertThat(NETWORK.resource("aws_default_network_acl", "this").body().has("ingress"))
                .as("default ACL admits nothing")
                .isFalse();
    }

    @Test
    void theDatabaseTierHasNoRouteOutOfTheVpc() {
        Block routeTable = NETWORK.resource("aws_route_table", "database");
        List<Block> routes = TerraformConfiguration.parsed().resources("aws_route");

        assertThat(routeTable.body().has("route"))
                .as("no inline route in the database route table")
                .isFalse();
        assertThat(routes)
                .as("routes")
                .isNotEmpty()
                .noneSatisfy(route ->
                        assertThat(route.body().path("route_table_id").asText()).contains("aws_route_table.database"));
        assertThat(NETWORK.resource("aws_route_table_association", "database")
                        .body()
                        .path("route_table_id")
                        .asText())
                .isEqualTo("${aws_route_table.database.id}");
        assertThat(NETWORK.resource("aws_route_table_association", "database")
                        .body()
                        .path("for_each")
                        .asText())
                .isEqualTo("${aws_subnet.database}");
        assertThat(NETWORK.resource("aws_subnet", "database").body().has("map_public_ip_on_launch"))
                .isFalse();
        assertThat(TerraformConfiguration.strings(NETWORK.variableDefault("database_subnet_cidrs")))
                .containsExactly("10.0.21.0/24", "10.0.22.0/24");
        assertThat(aclRules())
                .filteredOn(rule -> rule.tier() == Place.DATABASE)
                .allSatisfy(rule ->
                        assertThat(placesOf(rule.cidrs())).as(rule.name()).allMatch(Place::inVpc));
    }

    @Test
    void environmentsPutTheDatabaseAndTheCacheInTheDatabaseTierAndWireTheAclsLikeTheGroups() {
        ModuleSource database = ModuleSource.module("database");
        ModuleSource cache = ModuleSource.module("cache");
        assertThat(NETWORK.variableDefault("database_port").asInt())
                .isEqualTo(database.variableDefault("port").asInt());
        assertThat(NETWORK.variableDefault("cache_port").asInt())
                .isEqualTo(cache.variableDefault("port").asInt());
        assertThat(TerraformConfiguration.strings(NETWORK.variableDefault("load_balancer_ingress_cidrs")))
                .isEqualTo(TerraformConfiguration.strings(ALB.variableDefault("ingress_cidrs")));

        for (String name : RepositoryLayout.ENVIRONMENT_NAMES) {
            ModuleSource environment = ModuleSource.environment(name);
            JsonNode network = environment.moduleCall("network").body();

            for (String tenant : List.of("database", "cache")) {
                JsonNode call = environment.moduleCall(tenant).body();
                assertThat(call.path("subnet_ids").asText())
                        .as(tenant)
                        .isEqualTo("${module.network.database_subnet_ids}");
                assertThat(call.has("port"))
                        .as(tenant + " keeps the port the ACLs open")
                        .isFalse();
            }
            assertThat(environment.moduleCall("alb").body().has("ingress_cidrs"))
                    .as("ALB clients as the ACL admits them")
                    .isFalse();
            assertThat(environment
                            .moduleCall("ecs_service")
                            .body()
                            .path("database_cidrs")
                            .asText())
                    .isEqualTo("${module.network.database_subnet_cidrs}");
            assertThat(network.path("container_port").asText()).isEqualTo("${var.container_port}");
            assertThat(network.path("test_listener").asText())
                    .contains("var.enable_blue_green", "module.alb.test_listener_port", "var.test_listener_cidrs");
        }
    }

    // --- The model.

    /** The legs one connection needs; to the internet from the private tier it also crosses the NAT gateways. */
    private static List<Leg> legsOf(Connection connection) {
        List<Leg> legs = new ArrayList<>();
        String port = Integer.toString(connection.port());
        legs.addAll(hop(connection.from(), connection.to(), port));
        if (connection.from() == Place.PRIVATE && !connection.to().inVpc()) {
            // The NAT gateway in the public tier: the private tier's packets in, out to the internet,
            // the internet's answers in, and back out to the private tier.
            legs.add(new Leg(Place.PUBLIC, "ingress", port, Place.PRIVATE));
            legs.add(new Leg(Place.PUBLIC, "egress", port, connection.to()));
            legs.add(new Leg(Place.PUBLIC, "ingress", "ephemeral", connection.to()));
            legs.add(new Leg(Place.PUBLIC, "egress", "ephemeral", Place.PRIVATE));
        }
        return legs;
    }

    /** from's egress on port and ingress of the answers, to's ingress on port and egress of the answers. */
    private static List<Leg> hop(Place from, Place to, String port) {
        List<Leg> legs = new ArrayList<>();
        if (from.inVpc()) {
            legs.add(new Leg(from, "egress", port, to));
            legs.add(new Leg(from, "ingress", "ephemeral", to));
        }
        if (to.inVpc()) {
            legs.add(new Leg(to, "ingress", port, from));
            legs.add(new Leg(to, "egress", "ephemeral", from));
        }
        return legs;
    }

    private static List<Connection> connections() {
        List<Connection> connections = new ArrayList<>(awsManagedConnections());
        for (Block rule : securityGroupRules()) {
            Place[] places = SECURITY_GROUP_RULES.get(key(rule));
            assertThat(places).as("classified: " + key(rule)).isNotNull();
            int from = port(rule, "from_port");
            assertThat(port(rule, "to_port"))
                    .as(key(rule) + " is a single port")
                    .isEqualTo(from);
            assertThat(rule.body().path("ip_protocol").asText()).as(key(rule)).isEqualTo("tcp");
            connections.add(new Connection(key(rule), places[0], places[1], from));
        }
        return connections;
    }

    /** Every leg the ACL rules admit, with each rule's CIDR symbol expanded to the places it covers. */
    private static Set<Leg> admittedLegs() {
        Set<Leg> legs = new LinkedHashSet<>();
        for (AclRule rule : aclRules()) {
            placesOf(rule.cidrs())
                    .forEach(place -> legs.add(new Leg(rule.tier(), rule.direction(), rule.port(), place)));
        }
        return legs;
    }

    private static List<AclRule> aclRules() {
        List<AclRule> rules = new ArrayList<>();
        JsonNode table = NETWORK.locals().path("network_acl_rules");
        assertThat(table.properties()).as("local.network_acl_rules").isNotEmpty();
        table.properties()
                .forEach(tier -> tier.getValue()
                        .properties()
                        .forEach(direction -> direction.getValue().forEach(rule -> {
                            String from = aclPort(rule, "from_port");
                            assertThat(aclPort(rule, "to_port"))
                                    .as(rule.path("name").asText())
                                    .isEqualTo(from);
                            rules.add(new AclRule(
                                    Place.valueOf(tier.getKey().toUpperCase()),
                                    direction.getKey(),
                                    rule.path("name").asText(),
                                    from,
                                    rule.path("cidrs").asText()));
                        })));
        return rules;
    }

    /** The places a CIDR expression of the ACL table covers. */
    private static Set<Place> placesOf(String cidrs) {
        return switch (cidrs) {
            case "${local.anywhere}" -> EnumSet.allOf(Place.class);
            case "${var.load_balancer_ingress_cidrs}" -> EnumSet.of(Place.INTERNET);
            case "${local.test_listener_sources}" -> EnumSet.of(Place.TEST_CLIENTS);
            case "${var.public_subnet_cidrs}" -> EnumSet.of(Place.PUBLIC);
            case "${var.private_subnet_cidrs}" -> EnumSet.of(Place.PRIVATE);
            case "${var.database_subnet_cidrs}" -> EnumSet.of(Place.DATABASE);
            default -> throw new AssertionError("ACL rule CIDRs this test cannot place: " + cidrs);
        };
    }

    /** "ephemeral", or the port number (a literal, or a network variable's default). */
    private static String aclPort(JsonNode rule, String attribute) {
        String text = rule.path(attribute).asText();
        if (text.equals("ephemeral")) {
            return text;
        }
        if (text.equals("${local.test_listener_port}")) {
            // The environments set test_listener.port from the ALB module (asserted below).
            return Integer.toString(testListenerPort());
        }
        JsonNode port = NETWORK.valueOf(rule, attribute);
        assertThat(port.canConvertToInt())
                .as(attribute + " of ACL rule " + rule.path("name").asText() + ": " + text)
                .isTrue();
        return Integer.toString(port.asInt());
    }

    private static int port(Block rule, String attribute) {
        String text = rule.body().path(attribute).asText();
        if (text.equals("${local.test_listener_port}")) {
            // deploy-hooks reads it from the test listener URL the environments build from the ALB's port.
            return testListenerPort();
        }
        return ModuleSource.at(rule.moduleDir()).valueOf(rule.body(), attribute).asInt();
    }

    private static List<Block> securityGroupRules() {
        List<Block> rules =
                new ArrayList<>(TerraformConfiguration.parsed().resources("aws_vpc_security_group_ingress_rule"));
        rules.addAll(TerraformConfiguration.parsed().resources("aws_vpc_security_group_egress_rule"));
        return rules;
    }

    private static String key(Block rule) {
        return rule.moduleDir().getFileName() + "/" + rule.name();
    }

    private static int testListenerPort() {
        return ALB.variableDefault("test_listener_port").asInt();
    }
}
