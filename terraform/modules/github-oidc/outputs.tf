output "role_arn" {
  description = "ARN of the role to put in the workflow's aws-actions/configure-aws-credentials step."
  value       = aws_iam_role.push.arn
}

output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider the role trusts."
  value       = local.provider_arn
}
