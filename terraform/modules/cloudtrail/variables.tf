variable "name" {
  description = "Name of the trail; prefixes its bucket."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,127}$", var.name))
    error_message = "name must be 3-128 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the log files and the bucket (its policy must let CloudTrail generate data keys: module kms)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "log_retention_days" {
  description = "Days the log files (and the digest files) are kept in the bucket."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days >= 90
    error_message = "log_retention_days must be at least 90 (CloudTrail's own event history covers 90 days; the archive must outlast it)."
  }
}

variable "tags" {
  description = "Tags applied to every resource of this module."
  type        = map(string)
  default     = {}
}
