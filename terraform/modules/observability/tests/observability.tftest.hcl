# The guard alarms (5xx rate, p99 latency, running tasks, memory, unhealthy hosts) under one name
# prefix, every one notifying alarm_actions both ways, the running-task alarm breaching on missing
# data; the encrypted service log group; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name                     = "antigravity-prod"
  cluster_name             = "antigravity-prod"
  service_name             = "api"
  load_balancer_arn_suffix = "app/antigravity-prod/0123456789abcdef"
  target_group_arn_suffix  = "targetgroup/antigr-primary/0123456789abcdef"
  alarm_actions            = ["arn:aws:sns:eu-west-1:111111111111:oncall"]
  lambda_function_names    = ["antigravity-prod-alarm"]
  dead_letter_queue_names  = ["antigravity-prod-alarm-failures"]
  kms_key_arn              = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "every_guard_alarm_notifies_and_shares_the_prefix" {
  command = plan

  assert {
    condition = sort(output.guard_alarm_names) == sort([
      "antigravity-prod-guard-5xx-rate",
      "antigravity-prod-guard-memory",
      "antigravity-prod-guard-p99-latency",
      "antigravity-prod-guard-running-tasks",
      "antigravity-prod-guard-unhealthy-hosts",
    ])
    error_message = "the five guard alarms must be named <name>-guard-*"
  }
  assert {
    condition     = alltrue([for alarm in concat([aws_cloudwatch_metric_alarm.error_rate], values(aws_cloudwatch_metric_alarm.guard), values(aws_cloudwatch_metric_alarm.target_group)) : alarm.actions_enabled && alarm.alarm_actions == toset(var.alarm_actions) && alarm.ok_actions == toset(var.alarm_actions)])
    error_message = "every guard alarm must notify alarm_actions on ALARM and on OK"
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.guard["running-tasks"].treat_missing_data == "breaching" && aws_cloudwatch_metric_alarm.guard["running-tasks"].threshold == 2
    error_message = "no running-task data means no tasks: that must breach"
  }
  assert {
    condition     = aws_cloudwatch_log_group.service.name == "/ecs/antigravity-prod/api" && aws_cloudwatch_log_group.service.kms_key_id == var.kms_key_arn
    error_message = "the service logs to its own encrypted log group"
  }
}

run "rejects_suffixes_that_are_whole_arns" {
  command = plan

  variables {
    load_balancer_arn_suffix = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/antigravity-prod/0123456789abcdef"
    target_group_arn_suffix  = "antigr-primary"
    max_5xx_percent          = 0
  }
  expect_failures = [var.load_balancer_arn_suffix, var.target_group_arn_suffix, var.max_5xx_percent]
}
