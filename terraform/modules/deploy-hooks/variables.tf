variable "name" {
  description = "Name prefix of every resource (e.g. antigravity-prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 lowercase letters, digits or '-', starting with a letter (function names append up to 17 characters)."
  }
}

variable "environment" {
  description = "Environment name passed to the functions (ENVIRONMENT), e.g. prod."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,19}$", var.environment))
    error_message = "environment must be 1-20 lowercase letters, digits or '-'."
  }
}

variable "lambda_jar_path" {
  description = "Path of the shaded jar holding every handler (lambdas/target/antigravity-lambdas.jar)."
  type        = string

  validation {
    condition     = endswith(var.lambda_jar_path, ".jar")
    error_message = "lambda_jar_path must point at a .jar file."
  }
}

variable "event_patterns_dir" {
  description = "Directory of the EventBridge pattern files (events-schema/patterns): ecr-image-push.json, ecs-deployment-state-change.json, cloudwatch-alarm-state-change.json."
  type        = string

  validation {
    condition     = endswith(trimsuffix(var.event_patterns_dir, "/"), "events-schema/patterns")
    error_message = "event_patterns_dir must be the events-schema/patterns directory: the rules load the same files the tests verify."
  }
}

variable "managed_services" {
  description = <<-EOT
    Services the hooks deploy, verify and roll back (becomes MANAGED_SERVICES). repository, cluster,
    service and container are names; tag_policy is a regex of the tags to deploy; task_role_arns are the
    task and execution roles new revisions pass (iam:PassRole is limited to them); task_family defaults
    to the service name.
  EOT
  type = list(object({
    repository       = string
    tag_policy       = optional(string)
    cluster          = string
    service          = string
    container        = string
    target_group_arn = optional(string)
    health_url       = optional(string)
    task_family      = optional(string)
    task_role_arns   = list(string)
  }))

  validation {
    condition     = length(var.managed_services) > 0
    error_message = "managed_services must name at least one service."
  }

  validation {
    condition     = alltrue([for s in var.managed_services : length(s.task_role_arns) > 0 && alltrue([for arn in s.task_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", arn))])])
    error_message = "Every managed service needs task_role_arns: the IAM role ARNs its task definitions use."
  }

  # regexall, not regex: regex() also fails when a valid pattern does not match its input.
  validation {
    condition     = alltrue([for s in var.managed_services : s.tag_policy == null || can(regexall(s.tag_policy, ""))])
    error_message = "tag_policy must be a valid regular expression (the handlers use Java regex; keep to the common RE2/Java subset)."
  }

  validation {
    condition     = alltrue([for s in var.managed_services : s.health_url == null || startswith(coalesce(s.health_url, "-"), "https://")])
    error_message = "health_url must be an https:// URL."
  }
}

variable "guard_alarm_arns" {
  description = "ARNs of the alarms that guard the managed services (the functions may describe only these)."
  type        = list(string)

  validation {
    condition     = length(var.guard_alarm_arns) > 0 && alltrue([for arn in var.guard_alarm_arns : can(regex("^arn:aws[a-z-]*:cloudwatch:", arn))])
    error_message = "guard_alarm_arns must be a non-empty list of CloudWatch alarm ARNs."
  }
}

variable "function_overrides" {
  description = "Per-function overrides of memory_mb, timeout_s and concurrency (reserved concurrency), keyed by image-push, deployment-event, alarm, stabilizer, notifier, lifecycle-hook."
  type = map(object({
    memory_mb   = optional(number)
    timeout_s   = optional(number)
    concurrency = optional(number)
  }))
  default = {}

  validation {
    condition     = alltrue([for key in keys(var.function_overrides) : contains(["image-push", "deployment-event", "alarm", "stabilizer", "notifier", "lifecycle-hook"], key)])
    error_message = "function_overrides keys must be function keys: image-push, deployment-event, alarm, stabilizer, notifier, lifecycle-hook."
  }

  validation {
    condition = alltrue([for o in values(var.function_overrides) :
      (o.memory_mb == null || try(o.memory_mb >= 256 && o.memory_mb <= 10240, false)) &&
      (o.timeout_s == null || try(o.timeout_s >= 1 && o.timeout_s <= 900, false)) &&
    (o.concurrency == null || try(o.concurrency >= 1, false))])
    error_message = "memory_mb must be 256-10240, timeout_s 1-900 and concurrency at least 1."
  }
}

variable "bake_minutes" {
  description = "Minutes a COMPLETED deployment is watched (BAKING) before it becomes STABLE."
  type        = number
  default     = 15

  validation {
    condition     = var.bake_minutes >= 0 && var.bake_minutes <= 1440
    error_message = "bake_minutes must be between 0 and 1440."
  }
}

variable "rollback_limit" {
  description = "Automatic rollbacks of one service within rollback_window_minutes after which automation stops and a human is paged."
  type        = number
  default     = 3

  validation {
    condition     = var.rollback_limit >= 1
    error_message = "rollback_limit must be at least 1."
  }
}

variable "rollback_window_minutes" {
  description = "Window of the rollback loop guard."
  type        = number
  default     = 60

  validation {
    condition     = var.rollback_window_minutes >= 1
    error_message = "rollback_window_minutes must be at least 1."
  }
}

variable "notification_emails" {
  description = "Email addresses subscribed to the platform topic (each must confirm)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for email in var.notification_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email))])
    error_message = "notification_emails must be email addresses."
  }
}

variable "notify_routes" {
  description = "Optional NOTIFY_ROUTES JSON for the notifier (which events go to Slack / PagerDuty)."
  type        = string
  default     = null

  validation {
    condition     = var.notify_routes == null || can(jsondecode(var.notify_routes))
    error_message = "notify_routes must be valid JSON."
  }
}

variable "lifecycle_smoke_paths" {
  description = "Optional LIFECYCLE_SMOKE_PATHS for the lifecycle hook (paths smoke-tested on the test listener)."
  type        = string
  default     = null
}

variable "lifecycle_test_listener_url" {
  description = "Base URL of the blue/green test listener the lifecycle hook smoke-tests (LIFECYCLE_TEST_LISTENER_URL); null without blue/green."
  type        = string
  default     = null

  validation {
    condition     = var.lifecycle_test_listener_url == null || startswith(coalesce(var.lifecycle_test_listener_url, "-"), "https://")
    error_message = "lifecycle_test_listener_url must be an https:// URL."
  }
}

variable "maximum_event_age_seconds" {
  description = "How long an undelivered or failing event is retried before it is parked in a failure queue."
  type        = number
  default     = 3600

  validation {
    condition     = var.maximum_event_age_seconds >= 60 && var.maximum_event_age_seconds <= 21600
    error_message = "maximum_event_age_seconds must be between 60 and 21600."
  }
}

variable "vpc_id" {
  description = "VPC the functions run in."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets (with NAT) the functions run in."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Spread the functions over at least two subnets (zones)."
  }
}

variable "alarm_actions" {
  description = "ARNs notified when a failure queue receives a message (e.g. a paging SNS topic)."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of the functions' log groups, in days (a value CloudWatch Logs accepts)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs supports."
  }
}

variable "deletion_protection" {
  description = "Protect the ledger table from deletion."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "ARN of the KMS key encrypting the ledger, topic, queues, secrets, logs and environment variables."
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
