# The deployment ledger: one item per (service, deployment) plus processed-event markers that
# expire through TTL. Keys per the Lambdas <-> Terraform contract.
resource "aws_dynamodb_table" "ledger" {
  name                        = "${var.name}-deployment-ledger"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  attribute {
    name = "gsi1pk"
    type = "S"
  }
  attribute {
    name = "gsi1sk"
    type = "S"
  }

  global_secondary_index {
    name            = "by-service-time"
    projection_type = "ALL"
    # key_schema replaces the index's hash_key/range_key (deprecated since provider 6.29).
    key_schema {
      attribute_name = "gsi1pk"
      key_type       = "HASH"
    }
    key_schema {
      attribute_name = "gsi1sk"
      key_type       = "RANGE"
    }
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  # The ledger is the audit trail of every deployment and rollback: restorable to any second of
  # the last 35 days.
  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  tags = var.tags
}
