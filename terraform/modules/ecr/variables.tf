variable "name" {
  description = "Repository name, e.g. antigravity/api."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", var.name)) && length(var.name) <= 256
    error_message = "name must be a valid ECR repository name (lowercase, digits, '.', '_', '-', '/' separated)."
  }
}

variable "keep_last_images" {
  description = "How many images the lifecycle policy keeps; older ones expire. Must cover the rollback history."
  type        = number
  default     = 30

  validation {
    condition     = var.keep_last_images >= 5 && var.keep_last_images <= 1000
    error_message = "keep_last_images must be between 5 and 1000 (fewer could expire a rollback target)."
  }
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images (interrupted pushes) expire."
  type        = number
  default     = 7

  validation {
    condition     = var.untagged_expiry_days >= 1
    error_message = "untagged_expiry_days must be at least 1."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the images."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "tags" {
  description = "Tags applied to every resource of this module."
  type        = map(string)
  default     = {}
}
