# The audit trail: multi-region with log file validation, into a private, versioned, KMS-encrypted
# bucket whose logs expire after the retention; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name        = "antigravity-prod"
  kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "the_trail_covers_every_region_and_is_validated" {
  command = plan

  assert {
    condition = (aws_cloudtrail.this.is_multi_region_trail
      && aws_cloudtrail.this.include_global_service_events
      && aws_cloudtrail.this.enable_log_file_validation
    && aws_cloudtrail.this.kms_key_id == var.kms_key_arn)
    error_message = "a multi-region trail with log file validation, encrypted with the platform key"
  }
  assert {
    condition = (aws_s3_bucket_public_access_block.trail.block_public_acls
      && aws_s3_bucket_public_access_block.trail.block_public_policy
      && aws_s3_bucket_public_access_block.trail.ignore_public_acls
    && aws_s3_bucket_public_access_block.trail.restrict_public_buckets)
    error_message = "the trail's bucket is private"
  }
  assert {
    condition     = aws_s3_bucket_versioning.trail.versioning_configuration[0].status == "Enabled"
    error_message = "the trail's bucket is versioned"
  }
  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.trail.rule[0].expiration).days == 365
    error_message = "the logs expire after the retention (365 days by default)"
  }
}

run "rejects_a_retention_under_90_days_and_a_key_that_is_no_kms_arn" {
  command = plan

  variables {
    log_retention_days = 30
    kms_key_arn        = "alias/platform"
  }
  expect_failures = [var.log_retention_days, var.kms_key_arn]
}
