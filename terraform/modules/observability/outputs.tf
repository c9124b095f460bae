output "log_group_name" {
  description = "Log group of the service's containers."
  value       = aws_cloudwatch_log_group.service.name
}

output "log_group_arn" {
  description = "ARN of the service's log group."
  value       = aws_cloudwatch_log_group.service.arn
}

output "guard_alarm_names" {
  description = "Names of the guard alarms: the service's deployment alarms and the deploy hooks' rollback triggers."
  value       = [for alarm in local.guard_alarms : alarm.alarm_name]
}

output "guard_alarm_arns" {
  description = "ARNs of the guard alarms."
  value       = [for alarm in local.guard_alarms : alarm.arn]
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "paging_topic_arn" {
  description = "SNS topic that pages (email, PagerDuty's CloudWatch integration); alarms publish to it directly."
  value       = aws_sns_topic.paging.arn
}

output "alarm_actions" {
  description = "The actions this module's alarms notify (the paging topic unless alarm_actions was given): pass them to every other alarm."
  value       = local.alarm_actions
}

output "metrics_service" {
  description = "Value of the Service dimension the dashboard reads: pass it to the API as METRICS_SERVICE."
  value       = local.metrics_service
}
