# The paging path. Alarms publish here directly (CloudWatch -> SNS -> email and PagerDuty's
# CloudWatch integration), so a page never depends on the notifier Lambda: its own error alarm,
# the failure queues and the ledger/stabilizer errors reach the on-call person even when the
# notifier (or Slack, or the PagerDuty secret) is what broke.

resource "aws_sns_topic" "paging" {
  name              = "${var.name}-paging"
  display_name      = "Antigravity paging ${var.name}"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

# Email subscribers must confirm the subscription from the message AWS sends them.
resource "aws_sns_topic_subscription" "paging_email" {
  for_each = toset(var.paging_emails)

  topic_arn = aws_sns_topic.paging.arn
  protocol  = "email"
  endpoint  = each.value
}

# PagerDuty's Amazon CloudWatch integration: it triggers on ALARM and resolves on OK, one incident
# per alarm name. Guard alarms are left out: the deploy hooks page for them (ServiceUnhealthy,
# RollbackStarted, ...) knowing whether a deployment is in flight, one incident per service and
# cause; a second incident per alarm from here would page twice for one outage.
resource "aws_sns_topic_subscription" "paging_pagerduty" {
  count = var.pagerduty_cloudwatch_endpoint == null ? 0 : 1

  topic_arn              = aws_sns_topic.paging.arn
  protocol               = "https"
  endpoint               = var.pagerduty_cloudwatch_endpoint
  endpoint_auto_confirms = true
  filter_policy_scope    = "MessageBody"
  filter_policy = jsonencode({
    AlarmName = [{ "anything-but" = { prefix = "${local.alarm_prefix}-" } }]
  })
}

locals {
  # Every alarm of this module (and, through the alarm_actions output, of the deploy hooks) notifies
  # the paging topic unless the caller names other actions.
  alarm_actions = var.alarm_actions != null ? var.alarm_actions : [aws_sns_topic.paging.arn]
}
