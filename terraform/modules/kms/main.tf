data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.region
  partition  = data.aws_partition.current.partition
}

# One customer-managed key encrypts the platform's data at rest: logs, the ledger, queues, the
# topic, the image repository, the database and Lambda environment variables. Services that call
# KMS on a principal's behalf (DynamoDB, SQS, RDS, ECR, Secrets Manager, Lambda) are authorised
# through that principal's IAM policy; only services that encrypt on their own account need a
# statement here.
data "aws_iam_policy_document" "key" {
  #checkov:skip=CKV_AWS_109:A key policy's Resource "*" means this key only; the root statement is AWS's default that delegates to IAM.
  #checkov:skip=CKV_AWS_111:A key policy's Resource "*" means this key only; service statements are scoped by source account and encryption context.
  #checkov:skip=CKV_AWS_356:A key policy's Resource "*" means this key only (a key policy cannot name other resources).
  # AWS's default key policy statement: without it, IAM policies cannot grant use of the key and
  # the key becomes unmanageable. Key policies always name the key itself as Resource "*".
  statement {
    sid       = "EnableIamPoliciesOfThisAccount"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid = "CloudWatchLogsEncryptsThisAccountsLogGroups"
    actions = [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:DescribeKey",
    ]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${local.region}.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:*"]
    }
  }

  # EventBridge (rule dead-letter queues), CloudWatch (alarm actions) and SNS (subscription
  # dead-letter queues) publish to encrypted queues and topics as themselves.
  statement {
    sid       = "AwsServicesPublishToEncryptedQueuesAndTopics"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com", "cloudwatch.amazonaws.com", "sns.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  # CloudTrail (module cloudtrail) encrypts log files as itself: only this account's trails, as in
  # AWS's policy for trails with SSE-KMS. Reading them needs kms:Decrypt through IAM (first statement).
  statement {
    sid       = "CloudTrailEncryptsThisAccountsTrails"
    actions   = ["kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "StringLike"
      variable = "kms:EncryptionContext:aws:cloudtrail:arn"
      values   = ["arn:${local.partition}:cloudtrail:*:${local.account_id}:trail/*"]
    }
  }

  statement {
    sid       = "CloudTrailDescribesTheKey"
    actions   = ["kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_kms_key" "platform" {
  description             = "${var.name}: encryption at rest for the deployment platform"
  enable_key_rotation     = true
  rotation_period_in_days = var.rotation_period_in_days
  deletion_window_in_days = var.deletion_window_in_days
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "platform" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.platform.key_id
}
