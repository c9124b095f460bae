package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/cost.md quotes the configuration Terraform creates (task counts, instance classes, node types,
 * retention) and derives lines from it: the quotes must equal the tfvars examples and the defaults,
 * and the derived lines must follow from the page's own prices.
 */
class CostModelTest {

    private static final double HOURS_A_MONTH = 730;
    private static final String PAGE = RepositoryLayout.read(RepositoryLayout.ROOT.resolve("docs/cost.md"));
    private static final List<String> ENVIRONMENTS = List.of("prod", "staging");
    private static final ModuleSource COMMON = ModuleSource.at(RepositoryLayout.ENVIRONMENTS.resolve("common"));

    @Test
    void theQuotedConfigurationIsTheOneTerraformCreates() {
        Map<String, List<String>> quoted = table("## Configuration the model reads", 1, 2);

        for (int column = 0; column < ENVIRONMENTS.size(); column++) {
            String name = ENVIRONMENTS.get(column);
            JsonNode tfvars = TerraformConfiguration.tfvarsExample(name);
            int zones = tfvars.path("availability_zones").size();
            boolean singleNat = setting(tfvars, "single_nat_gateway").asBoolean();
            int natGateways = singleNat ? 1 : zones;
            String as = name + " in docs/cost.md";

            assertThat(quoted.get("`min_tasks`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "min_tasks").asText());
            assertThat(quoted.get("`max_tasks`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "max_tasks").asText());
            assertThat(quoted.get("`task_cpu` / `task_memory`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "task_cpu").asText() + " / "
                            + setting(tfvars, "task_memory").asText());
            assertThat(quoted.get("`fargate_spot.enabled`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "fargate_spot").path("enabled").asText());
            assertThat(quoted.get("`database_instance_class`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "database_instance_class").asText());
            assertThat(quoted.get("`database_multi_az`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "database_multi_az").asText());
            assertThat(quoted.get("`allocated_storage_gb`").get(column))
                    .as(as)
                    .isEqualTo(ModuleSource.module("database")
                            .variableDefault("allocated_storage_gb")
                            .asText());
            assertThat(quoted.get("NAT gateways (one per `availability_zones` entry)")
                            .get(column))
                    .as(as)
                    .isEqualTo(Integer.toString(natGateways));
            assertThat(quoted.get("`single_nat_gateway`").get(column)).as(as).isEqualTo(Boolean.toString(singleNat));
            assertThat(quoted.get("public IPv4 addresses (NAT gateways + load balancer nodes)")
                            .get(column))
                    .as(as)
                    .isEqualTo(Integer.toString(natGateways + zones));
            assertThat(quoted.get("cache `node_type` × `nodes`").get(column))
                    .as(as)
                    .isEqualTo(ModuleSource.module("cache")
                                    .variableDefault("node_type")
                                    .asText() + " × "
                            + ModuleSource.module("cache")
                                    .variableDefault("nodes")
                                    .asText());
            assertThat(quoted.get("tracing `sampling_ratio`").get(column))
                    .as(as)
                    .isEqualTo(ModuleSource.module("ecs-service")
                            .variableDefault("tracing")
                            .path("sampling_ratio")
                            .asText());
            assertThat(quoted.get("`enable_cloudtrail`").get(column))
                    .as(as)
                    .isEqualTo(setting(tfvars, "enable_cloudtrail").asText());
            for (String module : List.of("observability", "deploy-hooks")) {
                assertThat(quoted.get("log retention, days (service, functions, WAF, flow logs)")
                                .get(column))
                        .as(module)
                        .isEqualTo(ModuleSource.module(module)
                                .variableDefault("log_retention_days")
                                .asText());
            }
            assertThat(quoted.get("log retention, days (service, functions, WAF, flow logs)")
                            .get(column))
                    .isEqualTo(ModuleSource.module("alb")
                            .variableDefault("waf_log_retention_days")
                            .asText())
                    .isEqualTo(ModuleSource.module("network")
                            .variableDefault("flow_log_retention_days")
                            .asText());
        }
    }

    @Test
    void theDerivedLinesFollowFromThePricesAndTheConfiguration() {
        Map<String, List<String>> prices = table("## Prices used", 2);
        Map<String, List<String>> lines = table("## Per month", 1, 2);
        Map<String, List<String>> quoted = table("## Configuration the model reads", 1, 2);

        for (int column = 0; column < ENVIRONMENTS.size(); column++) {
            JsonNode tfvars = TerraformConfiguration.tfvarsExample(ENVIRONMENTS.get(column));
            String as = ENVIRONMENTS.get(column) + " in docs/cost.md";
            int natGateways = Integer.parseInt(quoted.get("NAT gateways (one per `availability_zones` entry)")
                    .get(column));
            int addresses = Integer.parseInt(quoted.get("public IPv4 addresses (NAT gateways + load balancer nodes)")
                    .get(column));

            assertThat(money(lines, "NAT gateway hours", column))
                    .as(as)
                    .isCloseTo(natGateways * HOURS_A_MONTH * price(prices, "NAT gateway"), within(0.006));
            assertThat(money(lines, "public IPv4 addresses", column))
                    .as(as)
                    .isCloseTo(addresses * HOURS_A_MONTH * price(prices, "public IPv4 address"), within(0.006));
            assertThat(money(lines, "Fargate tasks", column)).as(as).isCloseTo(fargate(tfvars, prices), within(0.006));
            assertThat(money(lines, "RDS PostgreSQL", column))
                    .as(as)
                    .isCloseTo(database(tfvars, prices), within(0.006));
            assertThat(money(lines, "ElastiCache Valkey", column)).as(as).isCloseTo(cache(prices), within(0.006));

            double sum = 0;
            for (Map.Entry<String, List<String>> line : lines.entrySet()) {
                if (!line.getKey().contains("total")) {
                    sum += Double.parseDouble(line.getValue().get(column));
                }
            }
            assertThat(Double.parseDouble(lines.get("**total**").get(column).replace("*", "")))
                    .as(as + " total")
                    .isCloseTo(sum, within(0.006));
        }
    }

    @Test
    void thePageStatesWhereAndWhenThePricesWereTaken() {
        assertThat(PAGE)
                .contains("us-east-1", "list prices as published; verify")
                .containsPattern("taken on 20\\d\\d-\\d\\d-\\d\\d");
    }

    /**
     * Tasks at the floor: all on demand, or with Fargate Spot the on-demand base and the rest split by
     * weight, the on-demand share rounded down (ECS places a lone extra task on the heavier provider).
     */
    private static double fargate(JsonNode tfvars, Map<String, List<String>> prices) {
        double vcpus = setting(tfvars, "task_cpu").asDouble() / 1024;
        double gigabytes = setting(tfvars, "task_memory").asDouble() / 1024;
        double task = (vcpus * price(prices, "Fargate vCPU (Linux/x86)")
                        + gigabytes * price(prices, "Fargate memory (Linux/x86)"))
                * HOURS_A_MONTH;
        int tasks = setting(tfvars, "min_tasks").asInt();
        JsonNode spot = setting(tfvars, "fargate_spot");
        if (!spot.path("enabled").asBoolean()) {
            return tasks * task;
        }
        JsonNode defaults = COMMON.variableDefault("fargate_spot");
        int base = spot.path("on_demand_base")
                .asInt(defaults.path("on_demand_base").asInt(1));
        int onDemandWeight = spot.path("on_demand_weight").asInt(1);
        int spotWeight = spot.path("spot_weight").asInt(3);
        int beyondBase = Math.max(0, tasks - base);
        int onDemand = Math.min(tasks, base)
                + (int) Math.floor(beyondBase * (double) onDemandWeight / (onDemandWeight + spotWeight));
        int onSpot = tasks - onDemand;
        return onDemand * task + onSpot * task * (1 - price(prices, "Fargate Spot discount"));
    }

    private static double database(JsonNode tfvars, Map<String, List<String>> prices) {
        String instanceClass = setting(tfvars, "database_instance_class").asText();
        int copies = setting(tfvars, "database_multi_az").asBoolean() ? 2 : 1;
        double storage = ModuleSource.module("database")
                .variableDefault("allocated_storage_gb")
                .asDouble();
        return copies
                * (price(prices, "RDS PostgreSQL " + instanceClass + ", Single-AZ") * HOURS_A_MONTH
                        + storage * price(prices, "RDS gp3 storage, Single-AZ"));
    }

    private static double cache(Map<String, List<String>> prices) {
        ModuleSource cache = ModuleSource.module("cache");
        return cache.variableDefault("nodes").asInt()
                * HOURS_A_MONTH
                * price(
                        prices,
                        "ElastiCache Valkey "
                                + cache.variableDefault("node_type").asText());
    }

    /** A tfvars value, or the environments' default when the example leaves it out. */
    private static JsonNode setting(JsonNode tfvars, String name) {
        return tfvars.has(name) ? tfvars.get(name) : COMMON.variableDefault(name);
    }

    private static double price(Map<String, List<String>> prices, String item) {
        List<String> row = prices.get(item);
        assertThat(row).as("price of '" + item + "' in docs/cost.md").isNotNull();
        return Double.parseDouble(row.getFirst());
    }

    private static double money(Map<String, List<String>> lines, String line, int column) {
        List<String> row = lines.get(line);
        assertThat(row).as("line '" + line + "' in docs/cost.md").isNotNull();
        return Double.parseDouble(row.get(column));
    }

    /** The rows of the first table under heading: first cell => the cells at the given columns. */
    private static Map<String, List<String>> table(String heading, int... columns) {
        int start = PAGE.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading + " in docs/cost.md").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : PAGE.substring(start + heading.length() + 2).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
                        .split("\\|", -1);
                if (cells[0].strip().matches("-+")
                        || cells[0].strip().equals("setting")
                        || cells[0].strip().equals("item")
                        || cells[0].strip().equals("line")) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (int column : columns) {
                    values.add(cells[column].strip());
                }
                rows.put(cells[0].strip(), values);
            } else if (inTable) {
                break;
            }
        }
        assertThat(rows).as("rows under " + heading).isNotEmpty();
        return rows;
    }
}
