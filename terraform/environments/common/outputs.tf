output "alb_url" {
  description = "URL of the API."
  value       = "https://${var.domain_name}"
}

output "alb_dns_name" {
  description = "DNS name of the load balancer: point domain_name at it (alias record)."
  value       = module.alb.dns_name
}

output "ecr_repository_url" {
  description = "Repository CI pushes sha-<commit> images to."
  value       = module.ecr.repository_url
}

output "github_drift_role_arn" {
  description = "Read-only role the drift workflow assumes (repository variable DRIFT_ROLE_ARN_PROD or DRIFT_ROLE_ARN_STAGING)."
  value       = module.github_oidc.drift_role_arn
}

output "github_push_role_arn" {
  description = "Role the CI workflow assumes to push images (repository variable AWS_PUSH_ROLE_ARN)."
  value       = module.github_oidc.role_arn
}

output "function_names" {
  description = "Deploy-hook function names."
  value       = module.deploy_hooks.function_names
}

output "ledger_table_name" {
  description = "DynamoDB deployment ledger."
  value       = module.deploy_hooks.ledger_table_name
}

output "platform_topic_arn" {
  description = "SNS topic of platform events."
  value       = module.deploy_hooks.platform_topic_arn
}

output "freeze_parameter_name" {
  description = "SSM parameter that freezes automation (set to true)."
  value       = module.deploy_hooks.freeze_parameter_name
}

output "failure_queue_names" {
  description = "Failure queues to watch and redrive."
  value       = module.deploy_hooks.failure_queue_names
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.ecs_service.cluster_name
}

output "service_name" {
  description = "ECS service."
  value       = module.ecs_service.service_name
}

output "dashboard_name" {
  description = "CloudWatch dashboard."
  value       = module.observability.dashboard_name
}

output "database_endpoint" {
  description = "Database host name."
  value       = module.database.endpoint
}

output "slack_webhook_secret_arn" {
  description = "Secret to put the Slack incoming webhook URL in (docs/operations.md, Bootstrap)."
  value       = module.deploy_hooks.slack_webhook_secret_arn
}

output "pagerduty_routing_key_secret_arn" {
  description = "Secret to put the PagerDuty routing key in (docs/operations.md, Bootstrap)."
  value       = module.deploy_hooks.pagerduty_routing_key_secret_arn
}

output "payments_secret_arns" {
  description = "Secrets to put the Stripe secret key (stripe-key) and the webhook signing secret (webhook-secret) in (docs/operations.md, Bootstrap)."
  value       = { for name, secret in aws_secretsmanager_secret.payments : name => secret.arn }
}

output "customer_email_dkim_records" {
  description = "DKIM CNAMEs of the customer email domain, to publish when its zone is not in Route 53."
  value       = one(module.customer_notifications[*].dkim_records)
}

output "cloudtrail_bucket_name" {
  description = "Bucket holding the account's CloudTrail log and digest files (null when enable_cloudtrail is false)."
  value       = one(module.cloudtrail[*].bucket_name)
}
