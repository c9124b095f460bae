resource "aws_elasticache_subnet_group" "this" {
  name        = var.name
  description = "${var.name}: database-tier subnets only (no route out of the VPC)"
  subnet_ids  = var.subnet_ids
  tags        = var.tags
}

resource "aws_security_group" "cache" {
  name_prefix = "${var.name}-cache-"
  description = "${var.name} Valkey: reachable only from the service's tasks"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-cache" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_clients" {
  # Keyed by position: the ids are often unknown until apply (the service's own security group),
  # and for_each keys must be known at plan time (the database module had the same bug).
  for_each = { for index, id in var.allowed_security_group_ids : tostring(index) => id }

  security_group_id            = aws_security_group.cache.id
  description                  = "Valkey from the service"
  referenced_security_group_id = each.value
  from_port                    = var.port
  to_port                      = var.port
  ip_protocol                  = "tcp"
  tags                         = var.tags
}

# The other half of the path, on the clients' groups (whose egress is closed by default): to this
# group only, on this port only.
resource "aws_vpc_security_group_egress_rule" "to_cache" {
  for_each = { for index, id in var.allowed_security_group_ids : tostring(index) => id }

  security_group_id            = each.value
  description                  = "Valkey cache of ${var.name}"
  referenced_security_group_id = aws_security_group.cache.id
  from_port                    = var.port
  to_port                      = var.port
  ip_protocol                  = "tcp"
  tags                         = var.tags
}

# volatile-lru: only keys with a TTL are evicted. The service's generation keys have none, and
# its invalidation relies on them never disappearing (api-service cache/RedisCatalogueCache).
resource "aws_elasticache_parameter_group" "this" {
  name        = "${var.name}-valkey${split(".", var.engine_version)[0]}"
  family      = "valkey${split(".", var.engine_version)[0]}"
  description = "${var.name}: evict only keys with a TTL"

  parameter {
    name  = "maxmemory-policy"
    value = "volatile-lru"
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# ElastiCache accepts 16-128 printable characters, without @, " or /: 64 letters and digits (about 380
# bits) from Secrets Manager's GetRandomPassword. A data source answers anew on every plan, so the secret
# version keeps the first value (ignore_changes) and the group takes its token from that version: the
# token is generated once, on create, like random_password would, without a second provider (the
# hashicorp/aws mirror is the only one the offline tests have).
data "aws_secretsmanager_random_password" "auth_token" {
  password_length     = 64
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret" "auth_token" {
  #checkov:skip=CKV2_AWS_57:Rotating an ElastiCache AUTH token needs a coordinated ROTATE/SET on the group and a task restart; it is rotated by hand (runbook).
  name_prefix             = "${var.name}/cache-auth-token-"
  description             = "AUTH token of the ${var.name} Valkey cache (CACHE_PASSWORD of the service)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "auth_token" {
  secret_id     = aws_secretsmanager_secret.auth_token.id
  secret_string = sensitive(data.aws_secretsmanager_random_password.auth_token.random_password)

  lifecycle {
    # Changed only by the runbook's rotation (a new version set outside Terraform), never by a plan.
    ignore_changes = [secret_string]
  }
}

resource "aws_cloudwatch_log_group" "slow_log" {
  name              = "/aws/elasticache/${var.name}/slow-log"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "${var.name} catalogue cache (the database stays the truth)"
  engine               = "valkey"
  engine_version       = var.engine_version
  node_type            = var.node_type
  port                 = var.port
  parameter_group_name = aws_elasticache_parameter_group.this.name

  # A primary and replicas in other zones; a replica takes over when the primary fails.
  num_cache_clusters         = var.nodes
  automatic_failover_enabled = true
  multi_az_enabled           = true

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.cache.id]

  at_rest_encryption_enabled = true
  kms_key_id                 = var.kms_key_arn
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  auth_token                 = aws_secretsmanager_secret_version.auth_token.secret_string
  auth_token_update_strategy = "ROTATE"

  auto_minor_version_upgrade = true
  apply_immediately          = false
  maintenance_window         = var.maintenance_window
  snapshot_window            = var.snapshot_window
  snapshot_retention_limit   = var.snapshot_retention_days

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.slow_log.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }

  tags = var.tags
}
