data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  issuer_host  = "token.actions.githubusercontent.com"
  provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.existing_oidc_provider_arn
  partition    = data.aws_partition.current.partition
}

# One GitHub OIDC provider exists per account; the second environment in an account reuses it.
resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.issuer_host}"
  client_id_list = ["sts.amazonaws.com"]
  # No thumbprint_list: IAM validates GitHub's certificate against its own trusted CAs.
  tags = var.tags
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
    # Exactly one repository and one branch: a fork, another branch, a pull request or a tag
    # cannot assume this role.
    condition {
      test     = "StringEquals"
      variable = "${local.issuer_host}:sub"
      values   = ["repo:${var.github_repository}:ref:refs/heads/${var.branch}"]
    }
  }
}

resource "aws_iam_role" "push" {
  name                 = var.role_name
  description          = "GitHub Actions on ${var.github_repository}@${var.branch} pushes images to ${var.ecr_repository_arn}"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "push" {
  # GetAuthorizationToken has no resource-level permissions: AWS requires Resource "*".
  statement {
    sid       = "LogInToTheRegistry"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushToThisRepositoryOnly"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [var.ecr_repository_arn]
  }

  # Layers of an encrypted repository are written with the repository's key.
  statement {
    sid       = "UseTheRepositoryKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["ecr.*.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "push" {
  name   = "push-to-ecr"
  role   = aws_iam_role.push.id
  policy = data.aws_iam_policy_document.push.json
}

# --- The drift role: terraform plan from the scheduled drift workflow (.github/workflows/drift.yml).
# Read-only: AWS's ReadOnlyAccess (every Describe/Get/List a plan's refresh calls, and
# lambda:GetFunction, with which the workflow fetches the deployed jar so the plan compares like
# with like) plus what that policy leaves out and a refresh needs: the values of the secrets whose
# versions Terraform manages. The same
# trust as the push role: this repository's main branch only, where scheduled workflows run.

resource "aws_iam_role" "drift" {
  count = var.drift_role_name == null ? 0 : 1

  name                 = var.drift_role_name
  description          = "GitHub Actions on ${var.github_repository}@${var.branch} plans Terraform read-only to detect drift"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy_attachment" "drift_read_only" {
  count = var.drift_role_name == null ? 0 : 1

  role       = aws_iam_role.drift[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy_document" "drift" {
  dynamic "statement" {
    for_each = length(var.drift_readable_secret_arns) > 0 ? [var.drift_readable_secret_arns] : []
    content {
      sid       = "ReadTheSecretVersionsTerraformManages"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }

  statement {
    sid       = "DecryptThoseSecretsWithThePlatformKey"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${data.aws_region.current.region}.amazonaws.com"]
    }
  }

  # Belt and braces: whatever a future managed-policy version adds, this role changes nothing.
  statement {
    sid    = "NeverWrite"
    effect = "Deny"
    actions = [
      "iam:Create*", "iam:Delete*", "iam:Put*", "iam:Update*", "iam:Attach*", "iam:Detach*", "iam:PassRole",
      "s3:Put*", "s3:Delete*",
      "ecs:Update*", "ecs:Create*", "ecs:Delete*", "ecs:RegisterTaskDefinition",
      "lambda:Update*", "lambda:Invoke*",
      "secretsmanager:Put*", "secretsmanager:Update*",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "drift" {
  count = var.drift_role_name == null ? 0 : 1

  name   = "read-secret-versions"
  role   = aws_iam_role.drift[0].id
  policy = data.aws_iam_policy_document.drift.json
}
