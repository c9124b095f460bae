variable "cluster_name" {
  description = "Name of the ECS cluster."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,255}$", var.cluster_name))
    error_message = "cluster_name must be 1-255 letters, digits, '_' or '-'."
  }
}

variable "service_name" {
  description = "Name of the ECS service and of its task definition family."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,255}$", var.service_name))
    error_message = "service_name must be 1-255 letters, digits, '_' or '-'."
  }
}

variable "container_name" {
  description = "Name of the application container (the deploy hooks replace its image)."
  type        = string
  default     = "api"
}

variable "container_port" {
  description = "Port the application listens on."
  type        = number
  default     = 8080

  validation {
    condition     = var.container_port > 0 && var.container_port < 65536
    error_message = "container_port must be a TCP port."
  }
}

variable "management_port" {
  description = "Port of the application's /observe/* endpoints (metrics, detailed health); never forwarded by the load balancer."
  type        = number
  default     = 8081

  validation {
    condition     = var.management_port > 0 && var.management_port < 65536 && var.management_port != var.container_port
    error_message = "management_port must be a TCP port other than container_port (the load balancer forwards that one)."
  }
}

variable "image_repository_url" {
  description = "ECR repository URL of the application image."
  type        = string
}

variable "image_tag" {
  description = "Tag of the image the Terraform-managed revision runs (the first deployment, and configuration changes). Later images are deployed by the deploy hooks."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "image_tag must be a valid, immutable image tag (not 'latest')."
  }
}

variable "cpu" {
  description = "Task CPU units (512 = 0.5 vCPU)."
  type        = number
  default     = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be a Fargate CPU size (256, 512, 1024, 2048, 4096, 8192, 16384)."
  }
}

variable "memory" {
  description = "Task memory in MiB (must be a valid Fargate combination with cpu)."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory >= 512 && var.memory <= 122880
    error_message = "memory must be between 512 and 122880 MiB."
  }
}

variable "cpu_architecture" {
  description = "CPU architecture of the tasks; the image must be built for it."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "environment" {
  description = "Plain environment variables of the container (never secrets)."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variables filled from Secrets Manager: name => secret ARN (optionally with :json-key:: suffix)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.secrets) : can(regex("^arn:aws[a-z-]*:(secretsmanager|ssm):", arn))])
    error_message = "secrets values must be Secrets Manager or SSM parameter ARNs."
  }
}

variable "secret_arns" {
  description = "ARNs of the secrets the execution role may read (the secrets map without JSON-key suffixes)."
  type        = list(string)
  default     = []
}

variable "stop_timeout_seconds" {
  description = "Grace period between SIGTERM and SIGKILL; the server drains in-flight requests meanwhile."
  type        = number
  default     = 30

  validation {
    condition     = var.stop_timeout_seconds >= 2 && var.stop_timeout_seconds <= 120
    error_message = "stop_timeout_seconds must be between 2 and 120 (the Fargate maximum)."
  }
}

variable "vpc_id" {
  description = "VPC of the service."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets the tasks run in (no public IP)."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Spread the tasks over at least two subnets (zones)."
  }
}

variable "load_balancer_security_group_id" {
  description = "Security group of the load balancer: the only source admitted, on the container port."
  type        = string
}

variable "target_group_arn" {
  description = "Target group the service registers its tasks in."
  type        = string
}

variable "database_cidrs" {
  description = "CIDR blocks the tasks may reach on database_port (the database-tier subnets)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.database_cidrs : can(cidrnetmask(cidr)) && cidr != "0.0.0.0/0"])
    error_message = "database_cidrs must be IPv4 CIDR blocks, never 0.0.0.0/0."
  }
}

variable "database_port" {
  description = "Port of the database."
  type        = number
  default     = 5432
}

variable "log_group_name" {
  description = "CloudWatch log group the container logs to."
  type        = string
}

variable "log_group_arn" {
  description = "ARN of that log group (the execution role may write only there)."
  type        = string
}

variable "ecr_repository_arn" {
  description = "ARN of the repository the execution role may pull from."
  type        = string
}

variable "kms_key_arn" {
  description = "ARN of the KMS key encrypting images and secrets."
  type        = string
}

variable "min_tasks" {
  description = "Minimum (and initial) number of tasks."
  type        = number
  default     = 2

  validation {
    condition     = var.min_tasks >= 1
    error_message = "min_tasks must be at least 1."
  }
}

variable "max_tasks" {
  description = "Maximum number of tasks autoscaling may run."
  type        = number
  default     = 10

  validation {
    condition     = var.max_tasks >= 1
    error_message = "max_tasks must be at least 1."
  }
}

variable "cpu_target_percent" {
  description = "Average CPU utilisation target tracking keeps the service at."
  type        = number
  default     = 70

  validation {
    condition     = var.cpu_target_percent >= 10 && var.cpu_target_percent <= 95
    error_message = "cpu_target_percent must be between 10 and 95."
  }
}

variable "memory_target_percent" {
  description = "Average memory utilisation target tracking keeps the service at. Above the JVM's steady footprint (heap at MaxRAMPercentage=75 plus metaspace and threads), below the memory alarm (85 %): it acts on a leak or a surge of large requests, not on the heap the JVM always holds."
  type        = number
  default     = 80

  validation {
    condition     = var.memory_target_percent >= 10 && var.memory_target_percent <= 95
    error_message = "memory_target_percent must be between 10 and 95."
  }
}

variable "requests_per_target_per_minute" {
  description = "Load-balancer requests per task and minute (ALBRequestCountPerTarget) target tracking keeps the service at. 30,000 (500/s) is about a fifth of what half a vCPU served for product reads in docs/benchmarks.md (105 CPU µs per request), leaving room for heavier routes (orders, payments)."
  type        = number
  default     = 30000

  validation {
    condition     = var.requests_per_target_per_minute >= 60
    error_message = "requests_per_target_per_minute must be at least 60 (one request a second)."
  }
}

variable "load_balancer_arn_suffix" {
  description = "ARN suffix (app/name/id) of the load balancer in front of the service: the request-count scaling metric's label."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix (targetgroup/name/id) of the target group the service registers in: the request-count scaling metric's label."
  type        = string
}

variable "fargate_spot" {
  description = "Run part of the tasks on Fargate Spot: on_demand_base tasks always on demand, the rest split on_demand_weight : spot_weight between on-demand Fargate and Fargate Spot. Disabled: every task on demand."
  type = object({
    enabled          = bool
    on_demand_base   = optional(number, 1)
    on_demand_weight = optional(number, 1)
    spot_weight      = optional(number, 3)
  })
  default = { enabled = false }

  validation {
    condition     = var.fargate_spot.on_demand_base >= 0 && var.fargate_spot.on_demand_weight >= 0 && var.fargate_spot.spot_weight >= 0 && var.fargate_spot.on_demand_weight + var.fargate_spot.spot_weight > 0
    error_message = "fargate_spot base and weights must be non-negative, and the weights must not both be 0."
  }
}

variable "scale_out_cooldown_seconds" {
  description = "Cooldown after a scale-out before another scale-out."
  type        = number
  default     = 60
}

variable "scale_in_cooldown_seconds" {
  description = "Cooldown after a scale-in before another scale-in (longer: scaling in too eagerly causes flapping)."
  type        = number
  default     = 300

  validation {
    condition     = var.scale_in_cooldown_seconds >= 0 && var.scale_in_cooldown_seconds <= 3600
    error_message = "scale_in_cooldown_seconds must be between 0 and 3600."
  }
}

variable "deployment_minimum_healthy_percent" {
  description = "Share of desired tasks that must stay healthy during a rolling deployment."
  type        = number
  default     = 66

  validation {
    condition     = var.deployment_minimum_healthy_percent >= 50 && var.deployment_minimum_healthy_percent <= 100
    error_message = "deployment_minimum_healthy_percent must be between 50 and 100."
  }
}

variable "deployment_maximum_percent" {
  description = "Upper bound of running tasks during a rolling deployment, as a share of desired."
  type        = number
  default     = 150

  validation {
    condition     = var.deployment_maximum_percent >= 100 && var.deployment_maximum_percent <= 200
    error_message = "deployment_maximum_percent must be between 100 and 200."
  }
}

variable "health_check_grace_period_seconds" {
  description = "Time a new task gets before failed load balancer health checks count against it."
  type        = number
  default     = 60
}

variable "deployment_alarm_names" {
  description = "CloudWatch alarms that stop and roll back a deployment when they fire."
  type        = list(string)
  default     = []
}

variable "blue_green" {
  description = <<-EOT
    ECS-managed traffic shifting between two target groups; null (default) keeps rolling deployments.
    strategy: BLUE_GREEN (all at once), CANARY (canary_percent for canary_bake_time_in_minutes, then the rest) or
    LINEAR (step_percent every step_bake_time_in_minutes); bake_time_in_minutes is the deployment bake time (both
    revisions kept after all traffic moved). lifecycle_stages defaults to the smoke test and alarm stages, plus
    PRODUCTION_TRAFFIC_SHIFT for CANARY and LINEAR, where the hook's canary analysis judges the new revision.
  EOT
  type = object({
    alternate_target_group_arn   = string
    production_listener_rule_arn = string
    test_listener_rule_arn       = string
    lifecycle_hook_function_arn  = string
    lifecycle_hook_role_arn      = string
    lifecycle_stages             = optional(list(string))
    bake_time_in_minutes         = optional(number, 15)
    strategy                     = optional(string, "BLUE_GREEN")
    canary_percent               = optional(number, 5)
    canary_bake_time_in_minutes  = optional(number, 10)
    step_percent                 = optional(number, 10)
    step_bake_time_in_minutes    = optional(number, 5)
  })
  default = null

  validation {
    condition     = var.blue_green == null || contains(["BLUE_GREEN", "CANARY", "LINEAR"], try(var.blue_green.strategy, ""))
    error_message = "blue_green.strategy must be BLUE_GREEN, CANARY or LINEAR (rolling is blue_green = null)."
  }

  validation {
    condition = var.blue_green == null || (
      try(var.blue_green.canary_percent > 0 && var.blue_green.canary_percent <= 100, false)
      && try(var.blue_green.step_percent > 0 && var.blue_green.step_percent <= 100, false)
    )
    error_message = "blue_green.canary_percent and step_percent must be above 0 and at most 100."
  }

  validation {
    condition = var.blue_green == null || alltrue([
      for minutes in try([var.blue_green.bake_time_in_minutes, var.blue_green.canary_bake_time_in_minutes, var.blue_green.step_bake_time_in_minutes], [-1]) :
      minutes >= 0 && minutes <= 1440
    ])
    error_message = "blue_green bake times must be 0-1440 minutes."
  }
}

variable "tags" {
  description = "Tags applied to every resource of this module."
  type        = map(string)
  default     = {}
}

variable "tracing" {
  description = "The ADOT collector sidecar: enabled, the share of traces the API keeps when the caller did not decide (TRACING_RATIO), and the collector image."
  type = object({
    enabled         = bool
    sampling_ratio  = number
    collector_image = string
  })
  default = {
    enabled         = true
    sampling_ratio  = 0.1
    collector_image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0"
  }

  validation {
    condition     = var.tracing.sampling_ratio >= 0 && var.tracing.sampling_ratio <= 1
    error_message = "tracing.sampling_ratio must be between 0 and 1."
  }
}
