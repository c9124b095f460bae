output "key_arn" {
  description = "ARN of the platform key."
  value       = aws_kms_key.platform.arn
}

output "key_id" {
  description = "Key id of the platform key."
  value       = aws_kms_key.platform.key_id
}

output "alias_name" {
  description = "Alias of the platform key."
  value       = aws_kms_alias.platform.name
}
