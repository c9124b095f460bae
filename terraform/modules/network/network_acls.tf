# Network ACLs: a second, stateless fence under the security groups, one ACL per tier. Each tier
# admits exactly the connections the security groups of the resources in it allow, and, since an
# ACL does not remember connections, the return traffic of every one of them on the ephemeral
# ports. NetworkAclPolicyTest holds every security-group rule of the repository against these.

locals {
  # Return traffic arrives on the initiator's ephemeral port: Linux (tasks, Lambda) picks it in
  # 32768-60999, NAT gateways and load balancers in 1024-65535. 3389 (RDP) is cut out of the range:
  # nothing here listens on it, and an ACL open to the internet on it is a classic finding.
  ephemeral_port_ranges = [
    { from_port = 1024, to_port = 3388 },
    { from_port = 3390, to_port = 65535 },
  ]
  anywhere = ["0.0.0.0/0"]

  # The smoke-test hook calls the test listener from the private tier through the NAT gateways, so
  # the load balancer sees it coming from their addresses.
  test_listener_enabled = var.test_listener != null
  test_listener_port    = try(var.test_listener.port, 0)
  test_listener_sources = local.test_listener_enabled ? concat(var.test_listener.cidrs, [for zone in keys(local.nat_zones) : "${aws_eip.nat[zone].public_ip}/32"]) : []

  # tier => direction => rules. A rule admits TCP on from_port-to_port from (ingress) or to
  # (egress) each of its cidrs; its position numbers it (100 per rule, +50 for the second ephemeral range, +1 per CIDR block).
  # Ephemeral rules come last and are written out for both ranges of ephemeral_port_ranges.
  network_acl_rules = {
    public = {
      ingress = [
        { name = "https-from-clients", from_port = 443, to_port = 443, cidrs = var.load_balancer_ingress_cidrs, enabled = true },
        { name = "http-from-clients", from_port = 80, to_port = 80, cidrs = var.load_balancer_ingress_cidrs, enabled = true },
        { name = "test-listener-from-clients", from_port = local.test_listener_port, to_port = local.test_listener_port, cidrs = local.test_listener_sources, enabled = local.test_listener_enabled },
        # What the private tier sends out through the NAT gateways.
        { name = "https-from-private-to-nat", from_port = 443, to_port = 443, cidrs = var.private_subnet_cidrs, enabled = true },
        { name = "test-listener-from-private-to-nat", from_port = local.test_listener_port, to_port = local.test_listener_port, cidrs = var.private_subnet_cidrs, enabled = local.test_listener_enabled },
        # Answers to the NAT gateways' connections and to the load balancer's connections to the tasks.
        { name = "ephemeral-return", from_port = "ephemeral", to_port = "ephemeral", cidrs = local.anywhere, enabled = true },
      ]
      egress = [
        { name = "container-port-to-private", from_port = var.container_port, to_port = var.container_port, cidrs = var.private_subnet_cidrs, enabled = true },
        { name = "https-from-nat", from_port = 443, to_port = 443, cidrs = local.anywhere, enabled = true },
        # The NAT gateways reach the load balancer's public address (the smoke test's hairpin).
        { name = "test-listener-from-nat", from_port = local.test_listener_port, to_port = local.test_listener_port, cidrs = local.anywhere, enabled = local.test_listener_enabled },
        # Answers to clients, and the NAT gateways' answers to the private tier.
        { name = "ephemeral-return", from_port = "ephemeral", to_port = "ephemeral", cidrs = local.anywhere, enabled = true },
      ]
    }
    private = {
      ingress = [
        { name = "container-port-from-public", from_port = var.container_port, to_port = var.container_port, cidrs = var.public_subnet_cidrs, enabled = true },
        # Answers from the internet (through NAT) and from the database tier.
        { name = "ephemeral-return", from_port = "ephemeral", to_port = "ephemeral", cidrs = local.anywhere, enabled = true },
      ]
      egress = [
        { name = "https-out", from_port = 443, to_port = 443, cidrs = local.anywhere, enabled = true },
        { name = "test-listener-out", from_port = local.test_listener_port, to_port = local.test_listener_port, cidrs = local.anywhere, enabled = local.test_listener_enabled },
        { name = "database-port-to-database", from_port = var.database_port, to_port = var.database_port, cidrs = var.database_subnet_cidrs, enabled = true },
        { name = "cache-port-to-database", from_port = var.cache_port, to_port = var.cache_port, cidrs = var.database_subnet_cidrs, enabled = true },
        # Answers to the load balancer.
        { name = "ephemeral-return", from_port = "ephemeral", to_port = "ephemeral", cidrs = var.public_subnet_cidrs, enabled = true },
      ]
    }
    database = {
      ingress = [
        { name = "database-port-from-private", from_port = var.database_port, to_port = var.database_port, cidrs = var.private_subnet_cidrs, enabled = true },
        { name = "cache-port-from-private", from_port = var.cache_port, to_port = var.cache_port, cidrs = var.private_subnet_cidrs, enabled = true },
        # Cache replicas replicate from the primary in the other zone.
        { name = "cache-port-within-database", from_port = var.cache_port, to_port = var.cache_port, cidrs = var.database_subnet_cidrs, enabled = true },
        { name = "ephemeral-return-within-database", from_port = "ephemeral", to_port = "ephemeral", cidrs = var.database_subnet_cidrs, enabled = true },
      ]
      egress = [
        { name = "cache-port-within-database", from_port = var.cache_port, to_port = var.cache_port, cidrs = var.database_subnet_cidrs, enabled = true },
        # Answers to the tasks and to the other cache nodes; nothing else leaves the tier.
        { name = "ephemeral-return-to-private", from_port = "ephemeral", to_port = "ephemeral", cidrs = var.private_subnet_cidrs, enabled = true },
        { name = "ephemeral-return-within-database", from_port = "ephemeral", to_port = "ephemeral", cidrs = var.database_subnet_cidrs, enabled = true },
      ]
    }
  }

  # One aws_network_acl_rule per rule, CIDR block and (for ephemeral rules) port range.
  network_acl_entries = merge([
    for tier, directions in local.network_acl_rules : merge([
      for direction, rules in directions : merge([
        for rule_index, rule in rules : merge([
          for range_index, ports in(rule.from_port == "ephemeral" ? local.ephemeral_port_ranges : [{ from_port = rule.from_port, to_port = rule.to_port }]) : {
            for cidr_index, cidr in rule.cidrs : "${tier}-${direction}-${rule.name}-${range_index}-${cidr_index}" => {
              tier        = tier
              egress      = direction == "egress"
              rule_number = 100 * (rule_index + 1) + 50 * range_index + cidr_index
              from_port   = ports.from_port
              to_port     = ports.to_port
              cidr_block  = cidr
            }
          }
        ]...) if rule.enabled
      ]...)
    ]...)
  ]...)

  tier_subnets = {
    public   = aws_subnet.public
    private  = aws_subnet.private
    database = aws_subnet.database
  }
}

resource "aws_network_acl" "tier" {
  for_each = local.tier_subnets

  vpc_id     = aws_vpc.this.id
  subnet_ids = [for subnet in each.value : subnet.id]
  tags       = merge(var.tags, { Name = "${var.name}-${each.key}", Tier = each.key })
}

resource "aws_network_acl_rule" "tier" {
  for_each = local.network_acl_entries

  network_acl_id = aws_network_acl.tier[each.value.tier].id
  rule_number    = each.value.rule_number
  egress         = each.value.egress
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = each.value.cidr_block
  from_port      = each.value.from_port
  to_port        = each.value.to_port
}

# The VPC's default ACL admits everything; no subnet uses it, and under management it admits nothing.
resource "aws_default_network_acl" "this" {
  default_network_acl_id = aws_vpc.this.default_network_acl_id
  tags                   = merge(var.tags, { Name = "${var.name}-default-unused" })

  lifecycle {
    # Subnets are associated with the tier ACLs above; the provider would otherwise fight over them.
    ignore_changes = [subnet_ids]
  }
}
