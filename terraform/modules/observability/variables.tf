variable "name" {
  description = "Name prefix of the alarms, the dashboard and the log group (e.g. antigravity-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,200}$", var.name))
    error_message = "name must be letters, digits, '_' or '-'."
  }
}

variable "cluster_name" {
  description = "ECS cluster of the guarded service (metric dimension)."
  type        = string
}

variable "service_name" {
  description = "ECS service guarded by the alarms (metric dimension)."
  type        = string
}

variable "load_balancer_arn_suffix" {
  description = "ARN suffix of the load balancer (LoadBalancer metric dimension)."
  type        = string

  validation {
    condition     = startswith(var.load_balancer_arn_suffix, "app/")
    error_message = "load_balancer_arn_suffix must look like app/<name>/<id>."
  }
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the service's target group (TargetGroup metric dimension)."
  type        = string

  validation {
    condition     = startswith(var.target_group_arn_suffix, "targetgroup/")
    error_message = "target_group_arn_suffix must look like targetgroup/<name>/<id>."
  }
}

variable "alternate_target_group_arn_suffix" {
  description = "ARN suffix of the blue/green alternate target group, or null (rolling deployments): the target-group guard alarms watch both groups, since after a swap the tasks sit in the alternate one."
  type        = string
  default     = null

  validation {
    condition     = var.alternate_target_group_arn_suffix == null || startswith(coalesce(var.alternate_target_group_arn_suffix, "-"), "targetgroup/")
    error_message = "alternate_target_group_arn_suffix must look like targetgroup/<name>/<id>, or be null."
  }
}

variable "max_5xx_percent" {
  description = "Percentage of 5xx answers above which the error-rate alarm fires."
  type        = number
  default     = 5

  validation {
    condition     = var.max_5xx_percent > 0 && var.max_5xx_percent <= 100
    error_message = "max_5xx_percent must be in (0, 100]."
  }
}

variable "min_requests_for_error_rate" {
  description = "Requests per minute below which the error rate is not judged (one failed request out of two is not an outage)."
  type        = number
  default     = 20

  validation {
    condition     = var.min_requests_for_error_rate >= 1
    error_message = "min_requests_for_error_rate must be at least 1."
  }
}

variable "max_p99_latency_seconds" {
  description = "p99 target response time, in seconds, above which the latency alarm fires."
  type        = number
  default     = 1

  validation {
    condition     = var.max_p99_latency_seconds > 0
    error_message = "max_p99_latency_seconds must be positive."
  }
}

variable "min_running_tasks" {
  description = "Running task count below which the capacity alarm fires (normally the autoscaling minimum)."
  type        = number
  default     = 2

  validation {
    condition     = var.min_running_tasks >= 1
    error_message = "min_running_tasks must be at least 1."
  }
}

variable "max_memory_percent" {
  description = "Average memory utilisation above which the memory alarm fires."
  type        = number
  default     = 85

  validation {
    condition     = var.max_memory_percent > 0 && var.max_memory_percent <= 100
    error_message = "max_memory_percent must be in (0, 100]."
  }
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm changes state; null (the default) = this module's paging topic. Rollback itself does not depend on this: it is driven by EventBridge."
  type        = list(string)
  default     = null

  validation {
    condition     = var.alarm_actions == null || try(length(var.alarm_actions) > 0, false)
    error_message = "alarm_actions must name at least one action (or be null for the paging topic): an alarm nobody hears is no alarm."
  }
}

variable "paging_emails" {
  description = "Email addresses subscribed to the paging topic."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for email in var.paging_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email))])
    error_message = "paging_emails must be email addresses."
  }
}

variable "pagerduty_cloudwatch_endpoint" {
  description = "Integration URL of a PagerDuty service's Amazon CloudWatch integration (https://events.pagerduty.com/integration/<key>/enqueue), subscribed to the paging topic; null = no PagerDuty subscription."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.pagerduty_cloudwatch_endpoint == null || startswith(coalesce(var.pagerduty_cloudwatch_endpoint, "-"), "https://")
    error_message = "pagerduty_cloudwatch_endpoint must be an https URL, or null."
  }
}

variable "runbook_url" {
  description = "URL of docs/operations.md; every alarm description links to its entry there (#alarm-<name>)."
  type        = string
  default     = "docs/operations.md"
}

variable "log_retention_days" {
  description = "Retention of the service's log group, in days (a value CloudWatch Logs accepts)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs supports."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the log group."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "lambda_function_names" {
  description = "Deploy-hook functions shown on the dashboard."
  type        = list(string)
  default     = []
}

variable "database_instance_id" {
  description = "RDS instance identifier shown on the dashboard (latency, connections); null = no database widgets."
  type        = string
  default     = null
}

variable "dead_letter_queue_names" {
  description = "Dead-letter queues shown on the dashboard."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags applied to every resource of this module."
  type        = map(string)
  default     = {}
}
