variable "name" {
  description = "Name of the load balancer; prefixes its target groups, security group, web ACL and log bucket."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "name must be 3-32 lowercase letters, digits or '-', starting with a letter (ALB name limit)."
  }
}

variable "vpc_id" {
  description = "VPC of the load balancer and its targets."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets (at least two zones) the load balancer listens in."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "An Application Load Balancer needs subnets in at least two availability zones."
  }
}

variable "target_cidrs" {
  description = "CIDR blocks of the subnets the targets run in (the load balancer may reach only these, on the container port)."
  type        = list(string)

  validation {
    condition     = length(var.target_cidrs) > 0 && alltrue([for cidr in var.target_cidrs : can(cidrnetmask(cidr)) && cidr != "0.0.0.0/0"])
    error_message = "target_cidrs must be non-empty IPv4 CIDR blocks, never 0.0.0.0/0."
  }
}

variable "ingress_cidrs" {
  description = "Client CIDR blocks allowed to reach the listeners."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for cidr in var.ingress_cidrs : can(cidrnetmask(cidr))])
    error_message = "ingress_cidrs must be IPv4 CIDR blocks."
  }
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate served by the HTTPS listener(s)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "ssl_policy" {
  description = "TLS negotiation policy of the HTTPS listeners: TLS 1.3 with TLS 1.2 restricted to forward-secret AEAD ciphers by default."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"

  validation {
    condition     = startswith(var.ssl_policy, "ELBSecurityPolicy-TLS13-")
    error_message = "ssl_policy must be one of the TLS 1.3 policies (ELBSecurityPolicy-TLS13-*)."
  }
}

variable "container_port" {
  description = "Port the containers listen on (target group port and the only port the load balancer may reach)."
  type        = number
  default     = 8080

  validation {
    condition     = var.container_port > 0 && var.container_port < 65536
    error_message = "container_port must be a TCP port."
  }
}

variable "health_check_path" {
  description = "Path the target group probes; must answer 200 when the task is alive."
  type        = string
  default     = "/health"

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "health_check_path must start with '/'."
  }
}

variable "health_check_interval_seconds" {
  description = "Seconds between the target group's /health probes. 15, not the seed's 30: with 3 failures to mark a task unhealthy and 2 successes to mark it healthy, a dead task stops getting traffic after 45 s instead of 90 s and a new one starts after 30 s instead of 60 s (each rolling step of a deployment waits for it). /health serves a cached result (health.cache, 5 s), so probing twice as often costs nothing."
  type        = number
  default     = 15

  validation {
    condition     = var.health_check_interval_seconds >= 5 && var.health_check_interval_seconds <= 300
    error_message = "health_check_interval_seconds must be between 5 and 300 (the range AWS accepts)."
  }
}

variable "stickiness" {
  description = "Load-balancer cookie stickiness of the target groups: off by default (the API is stateless); cookie_duration_seconds 1-604800."
  type = object({
    enabled                 = bool
    cookie_duration_seconds = optional(number, 86400)
  })
  default = { enabled = false }

  validation {
    condition     = var.stickiness.cookie_duration_seconds >= 1 && var.stickiness.cookie_duration_seconds <= 604800
    error_message = "stickiness.cookie_duration_seconds must be between 1 and 604800 (7 days)."
  }
}

variable "slow_start_seconds" {
  description = "Seconds over which a newly healthy target's share of requests ramps up to full (0 disables slow start)."
  type        = number
  default     = 30

  validation {
    condition     = var.slow_start_seconds == 0 || (var.slow_start_seconds >= 30 && var.slow_start_seconds <= 900)
    error_message = "slow_start_seconds must be 0 or between 30 and 900 (the range AWS accepts)."
  }
}

variable "deregistration_delay_seconds" {
  description = "How long a draining target keeps its in-flight requests before it is removed."
  type        = number
  default     = 30

  validation {
    condition     = var.deregistration_delay_seconds >= 0 && var.deregistration_delay_seconds <= 3600
    error_message = "deregistration_delay_seconds must be between 0 and 3600."
  }
}

variable "idle_timeout_seconds" {
  description = "Idle connection timeout of the load balancer."
  type        = number
  default     = 60

  validation {
    condition     = var.idle_timeout_seconds >= 1 && var.idle_timeout_seconds <= 4000
    error_message = "idle_timeout_seconds must be between 1 and 4000."
  }
}

variable "enable_blue_green" {
  description = "Create the alternate target group and the test listener that ECS native blue/green deployments use."
  type        = bool
  default     = false
}

variable "test_listener_port" {
  description = "Port of the blue/green test listener."
  type        = number
  default     = 8443

  validation {
    condition     = var.test_listener_port > 0 && var.test_listener_port < 65536 && !contains([80, 443], var.test_listener_port)
    error_message = "test_listener_port must be a TCP port other than 80 and 443."
  }
}

variable "test_listener_cidrs" {
  description = "CIDR blocks allowed to reach the test listener (operators, the NAT addresses of the smoke-test hook)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.test_listener_cidrs : can(cidrnetmask(cidr)) && cidr != "0.0.0.0/0"])
    error_message = "test_listener_cidrs must be IPv4 CIDR blocks and never 0.0.0.0/0: the test listener serves unreleased code."
  }
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion (disable only to tear an environment down)."
  type        = bool
  default     = true
}

variable "access_log_retention_days" {
  description = "Days the access logs are kept in S3."
  type        = number
  default     = 90

  validation {
    condition     = var.access_log_retention_days >= 1
    error_message = "access_log_retention_days must be at least 1."
  }
}

variable "waf_rate_limit_per_5_minutes" {
  description = "Requests one client address may send in 5 minutes before the web ACL blocks it."
  type        = number
  default     = 2000

  validation {
    condition     = var.waf_rate_limit_per_5_minutes >= 10
    error_message = "waf_rate_limit_per_5_minutes must be at least 10 (the WAF minimum)."
  }
}

variable "waf_log_retention_days" {
  description = "Retention of the web ACL's request log, in days (a value CloudWatch Logs accepts)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.waf_log_retention_days)
    error_message = "waf_log_retention_days must be one of the retention periods CloudWatch Logs supports."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the web ACL's log group."
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
