variable "name" {
  description = "Name of the SES configuration set (e.g. antigravity-prod)."
  type        = string
}

variable "domain" {
  description = "Domain the order emails are sent from; SES verifies it through DKIM."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lowercase DNS name."
  }
}

variable "from_address" {
  description = "The one sender address the task may use (NOTIFICATIONS_EMAIL_FROM), on the domain."
  type        = string
}

variable "route53_zone_id" {
  description = "Route 53 zone of the domain for the DKIM records; null = publish them elsewhere (output dkim_records)."
  type        = string
  default     = null
}

variable "task_role_name" {
  description = "Name of the API task role that gets the send permissions."
  type        = string
}

variable "tags" {
  description = "Tags applied to every resource of this module."
  type        = map(string)
  default     = {}
}
