# Errors that page directly (CloudWatch -> the paging topic), beside the failure-queue alarms in
# queues.tf. The notifier is the pages' own path, so its failures cannot be reported through it;
# the stabilizer finishes every event the other functions lost, so a failing one leaves deployments
# stranded; the ledger is where every decision is recorded.

locals {
  function_error_alarms = {
    notifier = {
      description = "The notifier failed an invocation in the last 5 minutes: Slack and PagerDuty may be missing a platform event (it retries, then parks it in its failure queue)."
      period      = 300
      periods     = 1
      datapoints  = 1
    }
    stabilizer = {
      description = "The stabilizer failed in 3 of the last 5 runs: baked deployments are not promoted and lost events are not resumed."
      period      = 60
      periods     = 5
      datapoints  = 3
    }
  }

  # The ledger operations the hooks call (adapters/dynamodb); DynamoDB reports errors per operation.
  ledger_operations = ["GetItem", "PutItem", "DeleteItem", "Query", "UpdateItem"]
  ledger_error_metrics = merge([
    for operation in local.ledger_operations : {
      for metric in ["SystemErrors", "ThrottledRequests"] :
      "${lower(metric)}_${lower(operation)}" => { metric = metric, operation = operation }
    }
  ]...)
}

resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each = local.function_error_alarms

  alarm_name          = "${var.name}-errors-${each.key}"
  alarm_description   = "${each.value.description} Runbook: ${var.runbook_url}#alarm-${each.key}-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this[each.key].function_name }
  statistic           = "Sum"
  period              = each.value.period
  evaluation_periods  = each.value.periods
  datapoints_to_alarm = each.value.datapoints
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "ledger_errors" {
  alarm_name          = "${var.name}-ledger-errors"
  alarm_description   = "DynamoDB answered the deployment ledger with server errors or throttling in 2 of 5 minutes: decisions are retried and may stall. Runbook: ${var.runbook_url}#alarm-ledger-errors"
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = 5
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "ledger_errors"
    label       = "Ledger system errors and throttled requests"
    expression  = "SUM(METRICS())"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.ledger_error_metrics

    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = metric_query.value.metric
        dimensions  = { TableName = aws_dynamodb_table.ledger.name, Operation = metric_query.value.operation }
        period      = 60
        stat        = "Sum"
      }
    }
  }

  tags = var.tags
}
