output "configuration_set_name" {
  description = "SES configuration set for the API (NOTIFICATIONS_EMAIL_CONFIGSET)."
  value       = aws_sesv2_configuration_set.this.configuration_set_name
}

output "identity_arn" {
  description = "ARN of the SES domain identity."
  value       = aws_sesv2_email_identity.domain.arn
}

output "dkim_records" {
  description = "The DKIM CNAMEs (name => value) to publish when the zone is not in Route 53."
  value = {
    for token in aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens :
    "${token}._domainkey.${var.domain}" => "${token}.dkim.amazonses.com"
  }
}
