# What README.md promises: private, encrypted, RDS-managed master password, TLS forced, logs
# exported, Multi-AZ, IAM auth, monitoring, backups and deletion protection, reachable only from
# the given security groups; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name                       = "antigravity-prod"
  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  allowed_security_group_ids = ["sg-0123456789abcdef0", "sg-0123456789abcdef1"]
  kms_key_arn                = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "instance_is_private_encrypted_and_protected" {
  command = plan

  assert {
    condition     = !aws_db_instance.this.publicly_accessible && aws_db_instance.this.storage_encrypted && aws_db_instance.this.kms_key_id == var.kms_key_arn
    error_message = "the instance must be private and encrypted with the platform key"
  }
  assert {
    condition     = aws_db_instance.this.manage_master_user_password && aws_db_instance.this.password == null
    error_message = "RDS must generate and keep the master password; Terraform never sees it"
  }
  assert {
    condition     = aws_db_instance.this.multi_az && aws_db_instance.this.deletion_protection && !aws_db_instance.this.skip_final_snapshot && aws_db_instance.this.backup_retention_period == 14
    error_message = "Multi-AZ, deletion protection, a final snapshot and 14 days of backups by default"
  }
  assert {
    condition     = aws_db_instance.this.iam_database_authentication_enabled && aws_db_instance.this.performance_insights_enabled && aws_db_instance.this.monitoring_interval == 60
    error_message = "IAM authentication, Performance Insights and Enhanced Monitoring must be on"
  }
  assert {
    condition     = aws_db_instance.this.enabled_cloudwatch_logs_exports == toset(["postgresql", "upgrade"])
    error_message = "the PostgreSQL log must be exported to CloudWatch"
  }
  assert {
    condition     = contains([for parameter in aws_db_parameter_group.this.parameter : "${parameter.name}=${parameter.value}"], "rds.force_ssl=1")
    error_message = "the parameter group must force TLS"
  }
}

run "admits_only_the_given_security_groups_on_the_database_port" {
  command = plan

  assert {
    condition     = sort([for rule in aws_vpc_security_group_ingress_rule.from_service : rule.referenced_security_group_id]) == var.allowed_security_group_ids
    error_message = "exactly one ingress rule per allowed security group"
  }
  assert {
    condition     = alltrue([for rule in aws_vpc_security_group_ingress_rule.from_service : rule.from_port == 5432 && rule.to_port == 5432 && rule.ip_protocol == "tcp" && rule.cidr_ipv4 == null])
    error_message = "the rules must admit TCP 5432 from security groups only, never a CIDR"
  }
}

# The environments pass the service's security group, created in the same apply: the plan must not
# need its id (for_each keys must be known at plan time).
run "plans_before_the_admitted_security_group_exists" {
  command = plan

  module {
    source = "../../tests/fixtures/database-behind-a-new-service"
  }
}

run "rejects_an_unreachable_database_and_a_reserved_user_name" {
  command = plan

  variables {
    allowed_security_group_ids = []
    master_username            = "postgres"
    subnet_ids                 = ["subnet-0123456789abcdef0"]
  }
  expect_failures = [var.allowed_security_group_ids, var.master_username, var.subnet_ids]
}
