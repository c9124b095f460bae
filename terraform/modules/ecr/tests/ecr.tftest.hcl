# What README.md promises: immutable tags, scan on push, KMS encryption, a lifecycle policy that
# expires untagged images and keeps the last N; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name        = "antigravity/api"
  kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "repository_is_immutable_scanned_and_encrypted" {
  command = plan

  assert {
    condition     = aws_ecr_repository.this.image_tag_mutability == "IMMUTABLE"
    error_message = "tags must be immutable"
  }
  assert {
    condition     = aws_ecr_repository.this.image_scanning_configuration[0].scan_on_push
    error_message = "images must be scanned on push"
  }
  assert {
    condition     = aws_ecr_repository.this.encryption_configuration[0].encryption_type == "KMS" && aws_ecr_repository.this.encryption_configuration[0].kms_key == var.kms_key_arn
    error_message = "the repository must be encrypted with the given KMS key"
  }
}

run "lifecycle_keeps_the_last_images_and_expires_untagged_ones" {
  command = plan

  variables {
    keep_last_images     = 50
    untagged_expiry_days = 3
  }

  assert {
    condition = [for rule in jsondecode(aws_ecr_lifecycle_policy.this.policy).rules : rule.selection] == [
      { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 3 },
      { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 },
    ]
    error_message = "the lifecycle policy must expire untagged images after 3 days and keep the last 50"
  }
}

run "rejects_an_invalid_repository_name" {
  command = plan

  variables {
    name = "Antigravity API"
  }
  expect_failures = [var.name]
}

run "rejects_keeping_too_few_images_for_rollbacks" {
  command = plan

  variables {
    keep_last_images = 2
  }
  expect_failures = [var.keep_last_images]
}
