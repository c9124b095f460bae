# The platform key: rotated automatically, deletable only after a waiting period, named by its alias;
# and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name = "antigravity-prod"
}

run "key_rotates_and_has_an_alias" {
  command = plan

  assert {
    condition     = aws_kms_key.platform.enable_key_rotation && aws_kms_key.platform.rotation_period_in_days == 365
    error_message = "the key must rotate yearly by default"
  }
  assert {
    condition     = aws_kms_key.platform.deletion_window_in_days == 30
    error_message = "a scheduled deletion must wait 30 days by default"
  }
  assert {
    condition     = aws_kms_alias.platform.name == "alias/antigravity-prod"
    error_message = "the alias must be alias/<name>"
  }
}

run "rejects_an_alias_name_aws_reserves" {
  command = plan

  variables {
    name = "aws-platform"
  }
  expect_failures = [var.name]
}

run "rejects_a_rotation_period_kms_does_not_accept" {
  command = plan

  variables {
    rotation_period_in_days = 30
    deletion_window_in_days = 3
  }
  expect_failures = [var.rotation_period_in_days, var.deletion_window_in_days]
}
