# Mocked hashicorp/aws for `terraform test` (mock_provider "aws" { source = ".../tests/mocks/aws" }).
# A bare mock provider answers every computed string with random characters, which the provider's
# own validation then rejects (a policy document that is not JSON, a partition that is not aws):
# these defaults keep data sources plausible. Resources' computed attributes stay unknown in plan
# runs, as they are before a real apply.

mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "111111111111"
    arn        = "arn:aws:iam::111111111111:root"
    user_id    = "111111111111"
  }
}

mock_data "aws_region" {
  defaults = {
    name   = "eu-west-1"
    region = "eu-west-1"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition  = "aws"
    dns_suffix = "amazonaws.com"
  }
}

# Resources whose ARNs other resources validate once they are known (runs with command = apply).
mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::111111111111:role/mocked"
  }
}

# ElastiCache's AUTH token (modules/cache) must be 16-128 characters without @, " or /
# (all zeros: nothing a secret scanner could mistake for a real token).
mock_data "aws_secretsmanager_random_password" {
  defaults = {
    random_password = "0000000000000000000000000000000000000000000000000000000000000000"
  }
}
