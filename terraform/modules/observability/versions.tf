terraform {
  # 1.11: S3 native state locking (use_lockfile) and write-only attributes are GA.
  required_version = ">= 1.11.0, < 2.0.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.29 replaced the DynamoDB index hash_key/range_key with key_schema; 6.21 added ECS CANARY and
      # LINEAR (canary_configuration, linear_configuration); 6.20 the java25 runtime.
      version = ">= 6.29.0, < 7.0.0"
    }
  }
}
