# The catalogue cache: a Multi-AZ Valkey group encrypted at rest and in transit, its AUTH token in a
# KMS-encrypted secret, reachable from the given groups on its port only; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name                       = "antigravity-prod"
  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  allowed_security_group_ids = ["sg-0123456789abcdef0"]
  kms_key_arn                = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "valkey_fails_over_and_is_encrypted_everywhere" {
  command = plan

  assert {
    condition = (aws_elasticache_replication_group.this.engine == "valkey"
      && aws_elasticache_replication_group.this.num_cache_clusters == 2
      && aws_elasticache_replication_group.this.automatic_failover_enabled
    && aws_elasticache_replication_group.this.multi_az_enabled)
    error_message = "a primary and a replica with automatic Multi-AZ failover"
  }
  assert {
    condition = (aws_elasticache_replication_group.this.at_rest_encryption_enabled == "true"
      && aws_elasticache_replication_group.this.kms_key_id == var.kms_key_arn
      && aws_elasticache_replication_group.this.transit_encryption_enabled
    && aws_elasticache_replication_group.this.transit_encryption_mode == "required")
    error_message = "encrypted at rest with the platform key and TLS required in transit"
  }
  assert {
    condition     = aws_secretsmanager_secret.auth_token.kms_key_id == var.kms_key_arn
    error_message = "the AUTH token's secret is encrypted with the platform key"
  }
  assert {
    condition     = nonsensitive(aws_elasticache_replication_group.this.auth_token == aws_secretsmanager_secret_version.auth_token.secret_string)
    error_message = "the group's AUTH token is the secret's value"
  }
  assert {
    condition     = [for rule in aws_elasticache_parameter_group.this.parameter : rule.value if rule.name == "maxmemory-policy"] == ["volatile-lru"]
    error_message = "only keys with a TTL may be evicted"
  }
  assert {
    condition = (length(aws_vpc_security_group_ingress_rule.from_clients) == 1
      && aws_vpc_security_group_ingress_rule.from_clients["0"].referenced_security_group_id == "sg-0123456789abcdef0"
    && aws_vpc_security_group_ingress_rule.from_clients["0"].from_port == 6379)
    error_message = "only the allowed group reaches the cache, on its port"
  }
  assert {
    condition     = aws_vpc_security_group_egress_rule.to_cache["0"].security_group_id == "sg-0123456789abcdef0"
    error_message = "the client's group gets its egress to the cache"
  }
}

run "rejects_a_single_node_and_one_subnet" {
  command = plan

  variables {
    nodes      = 1
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
  expect_failures = [var.nodes, var.subnet_ids]
}

run "rejects_no_client_and_a_key_that_is_no_kms_arn" {
  command = plan

  variables {
    allowed_security_group_ids = []
    kms_key_arn                = "alias/platform"
  }
  expect_failures = [var.allowed_security_group_ids, var.kms_key_arn]
}
