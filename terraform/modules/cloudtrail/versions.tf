terraform {
  # 1.11: S3 native state locking (use_lockfile) and write-only attributes are GA.
  required_version = ">= 1.11.0, < 2.0.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The same provider range as every module of this repository (TerraformStructureTest).
      version = ">= 6.29.0, < 7.0.0"
    }
  }
}
