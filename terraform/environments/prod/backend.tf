# State in S3 with S3-native locking (use_lockfile, Terraform >= 1.10): no DynamoDB lock table.
# The bucket is created once per account out of band (docs/operations.md, "Bootstrap"); pass
# another bucket with: terraform init -backend-config="bucket=<name>".
terraform {
  backend "s3" {
    bucket       = "antigravity-terraform-state"
    key          = "prod/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
