# EventBridge wiring. The patterns are the files in events-schema/patterns, loaded as they are
# (the alarm rule's rendered with the guard alarms' ARNs): the tests route every sample event
# through the very same files.

locals {
  # Only the guard alarms reach the alarm handler, so an alarm storm elsewhere in the account
  # cannot queue a rollback behind unrelated alarms (nor invoke the function for nothing).
  # jsonencode(jsondecode()) checks the rendering is JSON and drops the template's whitespace.
  guard_alarm_pattern = jsonencode(jsondecode(templatefile("${var.event_patterns_dir}/cloudwatch-alarm-state-change.json.tftpl", {
    guard_alarm_arns = var.guard_alarm_arns
  })))
}

resource "aws_cloudwatch_event_rule" "ecr_image_push" {
  name          = "${var.name}-ecr-image-push"
  description   = "Successful image pushes -> image-push"
  event_pattern = file("${var.event_patterns_dir}/ecr-image-push.json")
  tags          = var.tags
}

resource "aws_cloudwatch_event_rule" "ecs_deployment_state_change" {
  name          = "${var.name}-ecs-deployment-state-change"
  description   = "ECS deployment state changes -> deployment-event"
  event_pattern = file("${var.event_patterns_dir}/ecs-deployment-state-change.json")
  tags          = var.tags
}

resource "aws_cloudwatch_event_rule" "cloudwatch_alarm_state_change" {
  name          = "${var.name}-cloudwatch-alarm-state-change"
  description   = "Guard alarm state changes -> alarm"
  event_pattern = local.guard_alarm_pattern
  tags          = var.tags

  lifecycle {
    precondition {
      # EventBridge's default quota for a pattern; past it, match a name prefix of the guard alarms instead.
      condition     = length(local.guard_alarm_pattern) <= 2048
      error_message = "The guard alarm pattern is longer than EventBridge's 2048 characters: too many guard alarms for one rule."
    }
  }
}

resource "aws_cloudwatch_event_rule" "stabilizer_schedule" {
  name                = "${var.name}-stabilizer"
  description         = "Every minute -> stabilizer (bake promotion, lost ECR events)"
  schedule_expression = "rate(1 minute)"
  tags                = var.tags
}

locals {
  rule_targets = {
    ecr-image-push                = { rule = aws_cloudwatch_event_rule.ecr_image_push, function = "image-push" }
    ecs-deployment-state-change   = { rule = aws_cloudwatch_event_rule.ecs_deployment_state_change, function = "deployment-event" }
    cloudwatch-alarm-state-change = { rule = aws_cloudwatch_event_rule.cloudwatch_alarm_state_change, function = "alarm" }
    stabilizer-schedule           = { rule = aws_cloudwatch_event_rule.stabilizer_schedule, function = "stabilizer" }
  }
}

resource "aws_cloudwatch_event_target" "function" {
  for_each = local.rule_targets

  rule      = each.value.rule.name
  target_id = each.value.function
  arn       = aws_lambda_alias.live[each.value.function].arn

  # EventBridge retries delivery (throttling, a function being updated) for up to an hour, then
  # parks the event; the handlers are idempotent, so a redrive is always safe.
  retry_policy {
    maximum_event_age_in_seconds = var.maximum_event_age_seconds
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.delivery_failures.arn
  }
}

resource "aws_lambda_permission" "events" {
  for_each = local.rule_targets

  statement_id  = "events-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this[each.value.function].function_name
  qualifier     = aws_lambda_alias.live[each.value.function].name
  principal     = "events.amazonaws.com"
  source_arn    = each.value.rule.arn
}
