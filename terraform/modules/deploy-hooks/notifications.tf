resource "aws_sns_topic" "platform" {
  name              = "${var.name}-platform-events"
  display_name      = "Antigravity ${var.environment}"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "notifier" {
  topic_arn = aws_sns_topic.platform.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_alias.live["notifier"].arn
  # Messages SNS itself cannot deliver (throttling, permissions) are parked, not dropped.
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.delivery_failures.arn })
}

resource "aws_lambda_permission" "sns_notifier" {
  statement_id  = "sns-platform-events"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this["notifier"].function_name
  qualifier     = aws_lambda_alias.live["notifier"].name
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.platform.arn
}

# Email subscribers must confirm the subscription from the message AWS sends them.
resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.notification_emails)

  topic_arn = aws_sns_topic.platform.arn
  protocol  = "email"
  endpoint  = each.value
}

# Third-party credentials: Terraform creates the empty secrets; operators put the values
# (docs/operations.md), so no credential ever appears in code or state.
resource "aws_secretsmanager_secret" "slack_webhook" {
  #checkov:skip=CKV2_AWS_57:A Slack incoming-webhook URL cannot be rotated by a rotation Lambda; it is replaced by hand (runbook).
  name_prefix             = "${var.name}/slack-webhook-url-"
  description             = "Slack incoming webhook URL for ${var.name} notifications (value set by operators)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
  tags                    = var.tags
}

resource "aws_secretsmanager_secret" "pagerduty_routing_key" {
  #checkov:skip=CKV2_AWS_57:A PagerDuty Events API routing key cannot be rotated by a rotation Lambda; it is replaced by hand (runbook).
  name_prefix             = "${var.name}/pagerduty-routing-key-"
  description             = "PagerDuty Events API v2 routing key for ${var.name} (value set by operators)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
  tags                    = var.tags
}

resource "aws_secretsmanager_secret" "slack_signing_secret" {
  #checkov:skip=CKV2_AWS_57:A Slack app's signing secret is regenerated in Slack's app settings, not by a rotation Lambda; it is replaced by hand (runbook).
  name_prefix             = "${var.name}/slack-signing-secret-"
  description             = "Slack app signing secret that verifies ${var.name} interactivity requests (value set by operators)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
  tags                    = var.tags
}

# Slack's interactivity requests arrive here. Slack cannot sign with AWS credentials, so the URL is
# public (auth NONE, as Slack requires) and every request is verified in code: v0 signature with the
# signing secret, at most five minutes old, each signature acting once, users allowed per action.
# With authorization NONE the provider adds the public resource policy (lambda:InvokeFunctionUrl,
# and lambda:InvokeFunction limited to calls via the URL) that such a URL needs.
resource "aws_lambda_function_url" "slack_interactivity" {
  #checkov:skip=CKV_AWS_258:Slack cannot present AWS credentials; the handler verifies Slack's HMAC signature, its age and replays before anything is read.
  function_name      = aws_lambda_function.this["slack-interactivity"].function_name
  qualifier          = aws_lambda_alias.live["slack-interactivity"].name
  authorization_type = "NONE"
  invoke_mode        = "BUFFERED"
}

# The deployment freeze switch: "true" stops every automatic deployment and rollback.
resource "aws_ssm_parameter" "freeze" {
  #checkov:skip=CKV2_AWS_34:A boolean switch, not a secret; a plain String keeps the runbook's one-line freeze command.
  name        = "/${var.name}/deployments/frozen"
  description = "Set to true to freeze automatic deployments and rollbacks of ${var.name}"
  type        = "String"
  value       = "false"
  tags        = var.tags

  lifecycle {
    # Operators flip it during incidents; an apply must not unfreeze.
    ignore_changes = [value]
  }
}
