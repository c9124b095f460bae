output "role_arn" {
  description = "ARN of the role to put in the workflow's aws-actions/configure-aws-credentials step."
  value       = aws_iam_role.push.arn
}

output "drift_role_arn" {
  description = "ARN of the read-only role of the drift workflow (repository variable DRIFT_ROLE_ARN_<ENVIRONMENT>); null without drift_role_name."
  value       = one(aws_iam_role.drift[*].arn)
}

output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider the role trusts."
  value       = local.provider_arn
}
