# One public and one private subnet and a NAT gateway per zone, no public addresses handed out,
# private subnets routed through their own zone's NAT gateway, all traffic logged; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name                  = "antigravity-prod"
  availability_zones    = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  public_subnet_cidrs   = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  private_subnet_cidrs  = ["10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24"]
  database_subnet_cidrs = ["10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24"]
  kms_key_arn           = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "one_subnet_pair_and_nat_gateway_per_zone" {
  command = plan

  assert {
    condition     = { for zone, subnet in aws_subnet.private : zone => subnet.cidr_block } == { "eu-west-1a" = "10.0.11.0/24", "eu-west-1b" = "10.0.12.0/24", "eu-west-1c" = "10.0.13.0/24" }
    error_message = "each zone needs its private subnet, in the order of private_subnet_cidrs"
  }
  assert {
    condition     = { for zone, subnet in aws_subnet.public : zone => subnet.cidr_block } == { "eu-west-1a" = "10.0.1.0/24", "eu-west-1b" = "10.0.2.0/24", "eu-west-1c" = "10.0.3.0/24" }
    error_message = "each zone needs its public subnet, in the order of public_subnet_cidrs"
  }
  assert {
    condition     = alltrue([for subnet in aws_subnet.public : !subnet.map_public_ip_on_launch])
    error_message = "no subnet may hand out public addresses"
  }
  assert {
    condition     = length(aws_nat_gateway.this) == 3 && alltrue([for route in aws_route.private_nat : route.destination_cidr_block == "0.0.0.0/0"])
    error_message = "every zone needs its own NAT gateway and default route"
  }
  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL" && aws_cloudwatch_log_group.flow_logs.kms_key_id == var.kms_key_arn
    error_message = "all traffic must be logged to an encrypted log group"
  }
}

run "rejects_a_single_zone" {
  command = plan

  variables {
    availability_zones = ["eu-west-1a"]
  }
  expect_failures = [var.availability_zones]
}

run "rejects_a_retention_cloudwatch_does_not_accept" {
  command = plan

  variables {
    flow_log_retention_days = 42
    vpc_cidr                = "10.0.0.0"
  }
  expect_failures = [var.flow_log_retention_days, var.vpc_cidr]
}

# Three zones with the two-zone defaults of the subnet blocks: a validation names the variable
# (before, planning failed deep in the module with "Invalid index").
run "rejects_fewer_subnet_blocks_than_zones" {
  command = plan

  variables {
    public_subnet_cidrs   = ["10.0.1.0/24", "10.0.2.0/24"]
    private_subnet_cidrs  = ["10.0.11.0/24", "10.0.12.0/24"]
    database_subnet_cidrs = ["10.0.21.0/24", "10.0.22.0/24"]
  }
  expect_failures = [var.public_subnet_cidrs, var.private_subnet_cidrs, var.database_subnet_cidrs]
}
