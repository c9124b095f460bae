data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.region
  partition  = data.aws_partition.current.partition
  handlers   = "dev.antigravity.lambdas.handlers"
  # The test listener's port, from its URL (443 when the URL names none); null without blue/green.
  test_listener_port = var.lifecycle_test_listener_url == null ? null : tonumber(coalesce(one(regexall("^https://[^/:]+:([0-9]+)", var.lifecycle_test_listener_url)[*][0]), "443"))

  # One entry per Lambda function. capabilities name the policy documents (iam.tf) it is granted:
  # each function gets only what its use case calls.
  function_defaults = {
    image-push = {
      handler      = "${local.handlers}.ImagePushHandler::handleRequest"
      description  = "ECR push -> register a revision pinned by digest, UpdateService, ledger PENDING"
      memory_mb    = 1024
      timeout_s    = 60
      concurrency  = 5
      capabilities = ["ledger", "publish", "freeze", "registry_read", "ecs_read", "ecs_deploy"]
    }
    deployment-event = {
      handler      = "${local.handlers}.DeploymentEventHandler::handleRequest"
      description  = "ECS deployment state change -> record, verify (counts, targets, /health, alarms), bake or roll back"
      memory_mb    = 1024
      timeout_s    = 120
      concurrency  = 10
      capabilities = ["ledger", "publish", "freeze", "ecs_read", "ecs_rollback", "health_read"]
    }
    alarm = {
      handler      = "${local.handlers}.AlarmHandler::handleRequest"
      description  = "Guard alarm -> roll back to the last STABLE revision (once per deployment)"
      memory_mb    = 1024
      timeout_s    = 60
      concurrency  = 10
      capabilities = ["ledger", "publish", "freeze", "ecs_read", "ecs_rollback", "health_read"]
    }
    stabilizer = {
      handler     = "${local.handlers}.StabilizerHandler::handleRequest"
      description = "Every minute: promote baked deployments to STABLE, deploy pushes whose ECR event was lost"
      memory_mb   = 1024
      # Shorter than the schedule period, and one instance at a time: runs never overlap.
      timeout_s    = 55
      concurrency  = 1
      capabilities = ["ledger", "publish", "freeze", "registry_read", "ecs_read", "ecs_deploy", "health_read"]
    }
    notifier = {
      handler      = "${local.handlers}.NotifierHandler::handleRequest"
      description  = "Platform topic -> Slack and PagerDuty, with retries and backoff"
      memory_mb    = 512
      timeout_s    = 120
      concurrency  = 5
      capabilities = ["notifier_secrets"]
    }
    lifecycle-hook = {
      handler     = "${local.handlers}.LifecycleHookHandler::handleRequest"
      description = "ECS blue/green lifecycle hook -> smoke-test the test listener, check alarms"
      memory_mb   = 1024
      timeout_s   = 60
      concurrency = 5
      # With CANARY or LINEAR the hook also judges the canary from CloudWatch metrics.
      capabilities = concat(["ledger", "publish", "freeze", "ecs_read", "health_read"],
      var.lifecycle_canary == null ? [] : ["canary_metrics"])
    }
    slack-interactivity = {
      handler     = "${local.handlers}.SlackInteractivityHandler::handleRequest"
      description = "Slack buttons (function URL, signature verified in code) -> roll back, promote, freeze, resume"
      memory_mb   = 1024
      # Slack shows an error after 3 s; the action still completes within this bound.
      timeout_s    = 30
      concurrency  = 5
      capabilities = ["ledger", "publish", "freeze", "freeze_write", "ecs_read", "ecs_rollback", "slack_signing_secret"]
    }
  }

  functions = {
    for key, fn in local.function_defaults : key => merge(fn, {
      for setting, value in try(var.function_overrides[key], {}) : setting => value if value != null
    })
  }

  managed_services_json = jsonencode([
    for service in var.managed_services : { for field, value in {
      repository              = service.repository
      tagPolicy               = service.tag_policy
      cluster                 = service.cluster
      service                 = service.service
      container               = service.container
      targetGroupArn          = service.target_group_arn
      alternateTargetGroupArn = service.alternate_target_group_arn
      healthUrl               = service.health_url
    } : field => value if value != null }
  ])

  common_environment = {
    ENVIRONMENT             = var.environment
    LEDGER_TABLE            = aws_dynamodb_table.ledger.name
    PLATFORM_TOPIC_ARN      = aws_sns_topic.platform.arn
    MANAGED_SERVICES        = local.managed_services_json
    FREEZE_PARAMETER        = aws_ssm_parameter.freeze.name
    BAKE_MINUTES            = tostring(var.bake_minutes)
    ROLLBACK_LIMIT          = tostring(var.rollback_limit)
    ROLLBACK_WINDOW_MINUTES = tostring(var.rollback_window_minutes)
    # Short-lived handlers spend their time in I/O: C1 alone compiles fast enough.
    JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }

  function_environment = {
    notifier = merge(
      {
        SLACK_WEBHOOK_SECRET_ID         = aws_secretsmanager_secret.slack_webhook.arn
        PAGERDUTY_ROUTING_KEY_SECRET_ID = aws_secretsmanager_secret.pagerduty_routing_key.arn
      },
      var.notify_routes == null ? {} : { NOTIFY_ROUTES = var.notify_routes },
    )
    slack-interactivity = {
      SLACK_SIGNING_SECRET_ID = aws_secretsmanager_secret.slack_signing_secret.arn
      SLACK_ALLOWED_USERS     = var.slack_allowed_users
    }
    lifecycle-hook = merge(
      var.lifecycle_smoke_paths == null ? {} : { LIFECYCLE_SMOKE_PATHS = var.lifecycle_smoke_paths },
      var.lifecycle_test_listener_url == null ? {} : { LIFECYCLE_TEST_LISTENER_URL = var.lifecycle_test_listener_url },
      var.lifecycle_canary == null ? {} : {
        # The canary is judged while production traffic shifts; the other stages keep their checks.
        LIFECYCLE_STAGE_CHECKS                 = jsonencode({ PRODUCTION_TRAFFIC_SHIFT = "CANARY_ANALYSIS" })
        LIFECYCLE_CANARY_LOAD_BALANCER         = var.lifecycle_canary.load_balancer_arn_suffix
        LIFECYCLE_CANARY_ON_TOO_LITTLE_TRAFFIC = var.lifecycle_canary.on_too_little_traffic
        LIFECYCLE_CANARY_WINDOW_MINUTES        = tostring(var.lifecycle_canary.window_minutes)
        LIFECYCLE_CANARY_BOUND_MINUTES         = tostring(var.lifecycle_canary.bound_minutes)
        LIFECYCLE_CANARY_ERROR_TOLERANCE       = tostring(var.lifecycle_canary.error_rate_tolerance)
        LIFECYCLE_CANARY_LATENCY_TOLERANCE     = tostring(var.lifecycle_canary.latency_tolerance)
      },
    )
  }
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${var.name}-${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# The functions call AWS APIs, Slack, PagerDuty and the service's public /health: HTTPS out only.
resource "aws_security_group" "functions" {
  name_prefix = "${var.name}-hooks-"
  description = "${var.name} deploy hooks: HTTPS out, nothing in"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-deploy-hooks" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "functions_https" {
  security_group_id = aws_security_group.functions.id
  description       = "HTTPS to AWS APIs, Slack, PagerDuty and the service"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  tags              = var.tags
}

# The lifecycle hook smoke-tests the blue/green test listener on its own port (8443 by default),
# not 443: without this rule its requests never leave the subnet.
resource "aws_vpc_security_group_egress_rule" "functions_test_listener" {
  # 443 is open already (functions_https); a second identical rule would be refused.
  count = coalesce(local.test_listener_port, 443) == 443 ? 0 : 1

  security_group_id = aws_security_group.functions.id
  description       = "HTTPS to the blue/green test listener (lifecycle smoke test)"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = local.test_listener_port
  to_port           = local.test_listener_port
  ip_protocol       = "tcp"
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_116:Asynchronous failures go to an on-failure destination (aws_lambda_function_event_invoke_config), which records request and error; a DLQ as well would deliver every failure twice.
  #checkov:skip=CKV_AWS_272:The jar is built, tested and uploaded by the same pipeline that applies this; code signing would need a Signer profile and S3 delivery this platform does not use.
  for_each = local.functions

  function_name = "${var.name}-${each.key}"
  description   = each.value.description
  role          = aws_iam_role.function[each.key].arn
  runtime       = "java25"
  architectures = ["x86_64"]
  handler       = each.value.handler
  memory_size   = each.value.memory_mb
  timeout       = each.value.timeout_s

  filename         = var.lambda_jar_path
  source_code_hash = filebase64sha256(var.lambda_jar_path)

  # SnapStart restores published versions from a snapshot taken after init (Dagger wiring,
  # SDK clients): the alias below always points at a published version.
  publish = true
  snap_start {
    apply_on = "PublishedVersions"
  }

  reserved_concurrent_executions = each.value.concurrency
  kms_key_arn                    = var.kms_key_arn

  environment {
    variables = merge(local.common_environment, try(local.function_environment[each.key], {}))
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [aws_security_group.functions.id]
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format            = "JSON"
    log_group             = aws_cloudwatch_log_group.function[each.key].name
    application_log_level = "INFO"
    system_log_level      = "WARN"
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.function]
}

resource "aws_lambda_alias" "live" {
  for_each = local.functions

  name             = "live"
  description      = "The published version every trigger invokes (SnapStart applies to versions only)"
  function_name    = aws_lambda_function.this[each.key].function_name
  function_version = aws_lambda_function.this[each.key].version
}

# Every asynchronous invocation that still fails after Lambda's retries lands in the function's
# failure queue with the original event: nothing is lost, and runbook redrives it.
resource "aws_lambda_function_event_invoke_config" "this" {
  for_each = local.functions

  function_name                = aws_lambda_function.this[each.key].function_name
  qualifier                    = aws_lambda_alias.live[each.key].name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = var.maximum_event_age_seconds

  destination_config {
    on_failure {
      destination = aws_sqs_queue.function_failures[each.key].arn
    }
  }
}
