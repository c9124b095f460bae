output "function_names" {
  description = "Function names, keyed by function (image-push, deployment-event, alarm, stabilizer, notifier, lifecycle-hook)."
  value       = { for key, fn in aws_lambda_function.this : key => fn.function_name }
}

output "function_alias_arns" {
  description = "ARNs of the live aliases (what the triggers invoke), keyed by function."
  value       = { for key, alias in aws_lambda_alias.live : key => alias.arn }
}

output "lifecycle_hook_function_arn" {
  description = "ARN to register as the ECS blue/green lifecycle hook target."
  value       = aws_lambda_alias.live["lifecycle-hook"].arn
}

output "lifecycle_hook_invoker_role_arn" {
  description = "Role ECS assumes to invoke the lifecycle hook."
  value       = aws_iam_role.lifecycle_hook_invoker.arn
}

output "ledger_table_name" {
  description = "Name of the DynamoDB deployment ledger."
  value       = aws_dynamodb_table.ledger.name
}

output "platform_topic_arn" {
  description = "ARN of the SNS topic the platform events are published to."
  value       = aws_sns_topic.platform.arn
}

output "freeze_parameter_name" {
  description = "SSM parameter that freezes automatic deployments when set to true."
  value       = aws_ssm_parameter.freeze.name
}

output "failure_queue_names" {
  description = "Failure queues (function on-failure destinations and the event delivery queue), keyed by function or event-delivery."
  value       = local.failure_queues
}

output "slack_webhook_secret_arn" {
  description = "Secret to put the Slack incoming webhook URL in."
  value       = aws_secretsmanager_secret.slack_webhook.arn
}

output "pagerduty_routing_key_secret_arn" {
  description = "Secret to put the PagerDuty routing key in."
  value       = aws_secretsmanager_secret.pagerduty_routing_key.arn
}

output "slack_interactivity_url" {
  description = "Request URL for the Slack app's Interactivity settings."
  value       = aws_lambda_function_url.slack_interactivity.function_url
}

output "slack_signing_secret_arn" {
  description = "Secret to put the Slack app's signing secret in."
  value       = aws_secretsmanager_secret.slack_signing_secret.arn
}
