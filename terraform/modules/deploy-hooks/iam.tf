# Least privilege per function: a role each, and a policy assembled from the capability
# documents its entry in local.functions lists. Resource "*" appears only for actions that AWS
# does not scope to resources (noted at each statement).

locals {
  repository_arns = distinct([for s in var.managed_services : "arn:${local.partition}:ecr:${local.region}:${local.account_id}:repository/${s.repository}"])
  service_arns    = distinct([for s in var.managed_services : "arn:${local.partition}:ecs:${local.region}:${local.account_id}:service/${s.cluster}/${s.service}"])
  service_deployment_arns = distinct(flatten([for s in var.managed_services : [
    "arn:${local.partition}:ecs:${local.region}:${local.account_id}:service-deployment/${s.cluster}/${s.service}/*",
    "arn:${local.partition}:ecs:${local.region}:${local.account_id}:service-revision/${s.cluster}/${s.service}/*",
  ]]))
  task_definition_arns = distinct([for s in var.managed_services : "arn:${local.partition}:ecs:${local.region}:${local.account_id}:task-definition/${coalesce(s.task_family, s.service)}:*"])
  passable_role_arns   = distinct(flatten([for s in var.managed_services : s.task_role_arns]))

  capability_documents = {
    ledger               = data.aws_iam_policy_document.ledger.json
    publish              = data.aws_iam_policy_document.publish.json
    freeze               = data.aws_iam_policy_document.freeze.json
    registry_read        = data.aws_iam_policy_document.registry_read.json
    ecs_read             = data.aws_iam_policy_document.ecs_read.json
    ecs_deploy           = data.aws_iam_policy_document.ecs_deploy.json
    ecs_rollback         = data.aws_iam_policy_document.ecs_rollback.json
    health_read          = data.aws_iam_policy_document.health_read.json
    canary_metrics       = data.aws_iam_policy_document.canary_metrics.json
    notifier_secrets     = data.aws_iam_policy_document.notifier_secrets.json
    freeze_write         = data.aws_iam_policy_document.freeze_write.json
    slack_signing_secret = data.aws_iam_policy_document.slack_signing_secret.json
  }
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name_prefix        = "${substr("${var.name}-${each.key}", 0, 37)}-"
  description        = "Execution role of ${var.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = var.tags
}

# What every function needs: its own log group, its own failure queue, the platform key, its
# network interfaces in the VPC and X-Ray.
data "aws_iam_policy_document" "baseline" {
  for_each = local.functions

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
  }

  statement {
    sid       = "SendToOwnFailureQueue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.function_failures[each.key].arn]
  }

  statement {
    sid       = "UsePlatformKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }

  # ENI management for VPC functions, scoped to this VPC's subnets and security group.
  statement {
    sid     = "CreateNetworkInterfacesInOwnSubnets"
    actions = ["ec2:CreateNetworkInterface"]
    resources = concat(
      ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:network-interface/*"],
      [for subnet in var.private_subnet_ids : "arn:${local.partition}:ec2:${local.region}:${local.account_id}:subnet/${subnet}"],
      [aws_security_group.functions.arn],
    )
  }

  statement {
    sid       = "ManageOwnNetworkInterfaces"
    actions   = ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"]
    resources = ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:network-interface/*"]
  }

  # EC2 Describe calls are not resource-scoped by AWS.
  statement {
    sid       = "DescribeNetworkInterfaces"
    actions   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"]
    resources = ["*"]
  }

  # X-Ray trace segments are not resource-scoped.
  statement {
    sid       = "WriteTraces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "ledger" {
  statement {
    sid = "ReadWriteLedger"
    actions = [
      "dynamodb:ConditionCheckItem",
      # Releasing a service's decision lock and lifting a suspension delete their items.
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]
    resources = [aws_dynamodb_table.ledger.arn, "${aws_dynamodb_table.ledger.arn}/index/*"]
  }
}

data "aws_iam_policy_document" "publish" {
  statement {
    sid       = "PublishPlatformEvents"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.platform.arn]
  }
}

data "aws_iam_policy_document" "freeze" {
  statement {
    sid       = "ReadFreezeSwitch"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.freeze.arn]
  }
}

# Only the operator controls (Slack's Freeze and Resume buttons) turn the freeze switch.
data "aws_iam_policy_document" "freeze_write" {
  statement {
    sid       = "TurnFreezeSwitch"
    actions   = ["ssm:PutParameter"]
    resources = [aws_ssm_parameter.freeze.arn]
  }
}

data "aws_iam_policy_document" "slack_signing_secret" {
  statement {
    sid       = "ReadSlackSigningSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.slack_signing_secret.arn]
  }
}

data "aws_iam_policy_document" "registry_read" {
  statement {
    sid       = "ReadManagedRepositories"
    actions   = ["ecr:DescribeImages", "ecr:ListImages", "ecr:BatchGetImage"]
    resources = local.repository_arns
  }
}

data "aws_iam_policy_document" "ecs_read" {
  statement {
    sid       = "DescribeManagedServices"
    actions   = ["ecs:DescribeServices", "ecs:ListServiceDeployments"]
    resources = local.service_arns
  }

  statement {
    sid       = "DescribeManagedServiceDeployments"
    actions   = ["ecs:DescribeServiceDeployments", "ecs:DescribeServiceRevisions"]
    resources = local.service_deployment_arns
  }

  # DescribeTaskDefinition is not resource-scoped by AWS.
  statement {
    sid       = "DescribeTaskDefinitions"
    actions   = ["ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "ecs_rollback" {
  statement {
    sid       = "UpdateManagedServices"
    actions   = ["ecs:UpdateService"]
    resources = local.service_arns
  }
}

data "aws_iam_policy_document" "ecs_deploy" {
  source_policy_documents = [data.aws_iam_policy_document.ecs_rollback.json]

  # RegisterTaskDefinition is not resource-scoped by AWS.
  statement {
    sid       = "RegisterRevisions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "TagNewRevisions"
    actions   = ["ecs:TagResource"]
    resources = local.task_definition_arns
    condition {
      test     = "StringEquals"
      variable = "ecs:CreateAction"
      values   = ["RegisterTaskDefinition"]
    }
  }

  statement {
    sid       = "PassTaskRolesToEcsOnly"
    actions   = ["iam:PassRole"]
    resources = local.passable_role_arns
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "health_read" {
  # DescribeTargetHealth is not resource-scoped by AWS.
  statement {
    sid       = "ReadTargetHealth"
    actions   = ["elasticloadbalancing:DescribeTargetHealth"]
    resources = ["*"]
  }

  statement {
    sid       = "ReadGuardAlarms"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = var.guard_alarm_arns
  }
}

# The lifecycle hook's canary analysis reads per-target-group ALB metrics. GetMetricData has no resource-level
# permissions: AWS requires Resource "*".
data "aws_iam_policy_document" "canary_metrics" {
  statement {
    sid       = "ReadTargetGroupMetrics"
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "notifier_secrets" {
  statement {
    sid       = "ReadNotificationSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.slack_webhook.arn, aws_secretsmanager_secret.pagerduty_routing_key.arn]
  }
}

data "aws_iam_policy_document" "function" {
  for_each = local.functions

  source_policy_documents = concat(
    [data.aws_iam_policy_document.baseline[each.key].json],
    [for capability in each.value.capabilities : local.capability_documents[capability]],
  )
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions

  name   = "least-privilege"
  role   = aws_iam_role.function[each.key].id
  policy = data.aws_iam_policy_document.function[each.key].json
}

# ECS assumes this role to invoke the lifecycle hook during blue/green deployments.
data "aws_iam_policy_document" "ecs_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "lifecycle_hook_invoker" {
  name_prefix        = "${substr(var.name, 0, 24)}-hook-invoker-"
  description        = "ECS invokes the ${var.name} lifecycle hook with this role"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "lifecycle_hook_invoke" {
  statement {
    sid       = "InvokeLifecycleHook"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.live["lifecycle-hook"].arn]
  }
}

resource "aws_iam_role_policy" "lifecycle_hook_invoker" {
  name   = "invoke-lifecycle-hook"
  role   = aws_iam_role.lifecycle_hook_invoker.id
  policy = data.aws_iam_policy_document.lifecycle_hook_invoke.json
}
