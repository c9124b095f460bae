# Failure queues. Nothing is dropped silently: an invocation that fails after Lambda's retries
# lands in its function's queue, an event EventBridge or SNS could not deliver in the delivery
# queue. Each queue has an alarm; docs/operations.md describes the redrive.

resource "aws_sqs_queue" "function_failures" {
  for_each = local.functions

  name                              = "${var.name}-${each.key}-failures"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

resource "aws_sqs_queue" "delivery_failures" {
  name                              = "${var.name}-event-delivery-failures"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  tags                              = var.tags
}

data "aws_iam_policy_document" "delivery_failures" {
  statement {
    sid       = "EventBridgeRulesParkUndeliveredEvents"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.delivery_failures.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [for target in local.rule_targets : target.rule.arn]
    }
  }

  statement {
    sid       = "SnsParksUndeliveredMessages"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.delivery_failures.arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.platform.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "delivery_failures" {
  queue_url = aws_sqs_queue.delivery_failures.id
  policy    = data.aws_iam_policy_document.delivery_failures.json
}

locals {
  failure_queues = merge(
    { for key, queue in aws_sqs_queue.function_failures : key => queue.name },
    { event-delivery = aws_sqs_queue.delivery_failures.name },
  )
}

resource "aws_cloudwatch_metric_alarm" "failure_queue_not_empty" {
  for_each = local.failure_queues

  alarm_name          = "${var.name}-failures-${each.key}"
  alarm_description   = "Messages wait in ${each.value}: a deploy-hook event failed for good. Inspect and redrive. Runbook: ${var.runbook_url}#alarm-failure-queue"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}
