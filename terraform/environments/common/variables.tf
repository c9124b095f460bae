variable "project" {
  description = "Project name; prefixes every resource name together with the environment."
  type        = string
  default     = "antigravity"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.project))
    error_message = "project must be 2-16 lowercase letters, digits or '-'."
  }
}

variable "environment" {
  description = "Environment name (prod, staging, ...)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lowercase letters or digits."
  }
}

variable "account_id" {
  description = "AWS account this environment lives in; the provider refuses to touch any other."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account id."
  }
}

variable "region" {
  description = "AWS region of the environment."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "availability_zones" {
  description = "Two (or more) availability zones of the region."
  type        = list(string)
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "public_subnet_cidrs" {
  description = "Public subnet CIDR blocks, one per availability zone."
  type        = list(string)
  default     = ["10.0.1.0/24", "10.0.2.0/24"]
}

variable "private_subnet_cidrs" {
  description = "Private subnet CIDR blocks, one per availability zone."
  type        = list(string)
  default     = ["10.0.11.0/24", "10.0.12.0/24"]
}

variable "database_subnet_cidrs" {
  description = "Database-tier subnet CIDR blocks (RDS, ElastiCache; no route out of the VPC), one per availability zone."
  type        = list(string)
  default     = ["10.0.21.0/24", "10.0.22.0/24"]
}

variable "single_nat_gateway" {
  description = "One NAT gateway instead of one per zone (module network): a cost lever for staging (docs/cost.md); prod keeps one per zone."
  type        = bool
  default     = false
}

variable "domain_name" {
  description = "Public host name of the API (the certificate's name; DNS points it at the load balancer)."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a lowercase DNS name."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for domain_name, in the environment's region."
  type        = string
}

variable "container_port" {
  description = "Port the API listens on inside the container."
  type        = number
  default     = 8080
}

variable "image_tag" {
  description = "Image tag of the Terraform-managed task definition revision (the first deployment; later ones come from the deploy hooks)."
  type        = string
}

variable "task_cpu" {
  description = "Task CPU units (512 = 0.5 vCPU)."
  type        = number
  default     = 512
}

variable "task_memory" {
  description = "Task memory in MiB."
  type        = number
  default     = 1024
}

variable "min_tasks" {
  description = "Minimum number of tasks (autoscaling floor): 3 by default (one task lost still leaves two serving); staging runs 2."
  type        = number
  default     = 3
}

variable "fargate_spot" {
  description = "Run tasks beyond on_demand_base on Fargate Spot, split on_demand_weight : spot_weight (module ecs-service); on in staging's example, off in prod's."
  type = object({
    enabled          = bool
    on_demand_base   = optional(number, 1)
    on_demand_weight = optional(number, 1)
    spot_weight      = optional(number, 3)
  })
  default = { enabled = false }
}

variable "alb_stickiness" {
  description = "Load-balancer cookie stickiness (module alb); off by default, the API is stateless."
  type = object({
    enabled                 = bool
    cookie_duration_seconds = optional(number, 86400)
  })
  default = { enabled = false }
}

variable "max_tasks" {
  description = "Maximum number of tasks (autoscaling ceiling)."
  type        = number
  default     = 10
}

variable "service_environment" {
  description = "Extra plain environment variables of the API (e.g. AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL). Never secrets."
  type        = map(string)
  default     = {}
}

variable "ecr_repository_name" {
  description = "Name of the image repository CI pushes to."
  type        = string
  default     = "antigravity/api"
}

variable "ecr_keep_last_images" {
  description = "Images the repository lifecycle keeps."
  type        = number
  default     = 30
}

variable "tag_policy" {
  description = "Regex of the image tags the deploy hooks deploy."
  type        = string
  default     = "^sha-[0-9a-f]{7,40}$"
}

variable "bake_minutes" {
  description = "Minutes a completed deployment is watched before it becomes STABLE."
  type        = number
  default     = 15
}

variable "lambda_jar_path" {
  description = "Path of the deploy-hooks jar; defaults to lambdas/target/antigravity-lambdas.jar of this checkout."
  type        = string
  default     = null
}

variable "notification_emails" {
  description = "Email addresses subscribed to the platform events topic."
  type        = list(string)
  default     = []
}

variable "slack_allowed_users" {
  description = "Slack user ids allowed per control button: rollback=U1,U2;promote=U1;freeze=U1;resume=U1 (none by default)."
  type        = string
  default     = ""
}

variable "alarm_actions" {
  description = "ARNs every alarm notifies; null (the default) = the paging topic (module observability)."
  type        = list(string)
  default     = null
}

variable "paging_emails" {
  description = "Email addresses subscribed to the paging topic (every alarm's action by default)."
  type        = list(string)
  default     = []
}

variable "pagerduty_cloudwatch_endpoint" {
  description = "Integration URL of the PagerDuty service's Amazon CloudWatch integration, subscribed to the paging topic; null = none."
  type        = string
  default     = null
  sensitive   = true
}

variable "database_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "database_multi_az" {
  description = "Run the database with a standby in a second zone."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Protect the load balancer, database and ledger from deletion."
  type        = bool
  default     = true
}

variable "enable_blue_green" {
  description = "Use ECS native blue/green deployments with the lifecycle hook instead of rolling deployments."
  type        = bool
  default     = false
}

variable "deployment_strategy" {
  description = "With enable_blue_green: how ECS shifts production traffic, BLUE_GREEN (all at once), CANARY or LINEAR (the lifecycle hook then judges the canary against the old revision)."
  type        = string
  default     = "BLUE_GREEN"

  validation {
    condition     = contains(["BLUE_GREEN", "CANARY", "LINEAR"], var.deployment_strategy)
    error_message = "deployment_strategy must be BLUE_GREEN, CANARY or LINEAR."
  }
}

variable "traffic_shift" {
  description = "With enable_blue_green: ECS's deployment bake time (both revisions kept after all traffic moved), CANARY's percent and bake, LINEAR's step percent and bake, and what the canary analysis answers when there was too little traffic to judge by its bound (FAIL or PASS)."
  type = object({
    deployment_bake_time_in_minutes = optional(number, 15)
    canary_percent                  = optional(number, 5)
    canary_bake_time_in_minutes     = optional(number, 10)
    step_percent                    = optional(number, 10)
    step_bake_time_in_minutes       = optional(number, 5)
    on_too_little_traffic           = optional(string, "FAIL")
  })
  default = {}
}

variable "test_listener_cidrs" {
  description = "CIDR blocks allowed on the blue/green test listener."
  type        = list(string)
  default     = []
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose main branch may push images."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false when another environment in the account already did)."
  type        = bool
  default     = true
}

variable "existing_github_oidc_provider_arn" {
  description = "ARN of the account's existing GitHub OIDC provider when create_github_oidc_provider is false."
  type        = string
  default     = null
}

variable "enable_cloudtrail" {
  description = "Record the account's API calls in every region with a multi-region trail (module cloudtrail). On by default (prod); an account an organization trail already covers may turn it off."
  type        = bool
  default     = true
}

variable "cloudtrail_retention_days" {
  description = "Days the trail's log files are kept."
  type        = number
  default     = 365
}

variable "tags" {
  description = "Extra tags for every resource (Project, Environment, ManagedBy and Repository are always set)."
  type        = map(string)
  default     = {}
}

variable "customer_email_domain" {
  description = "Domain order emails are sent from (orders@<domain>, SES with DKIM); null = notifications are only logged."
  type        = string
  default     = null
}

variable "customer_email_zone_id" {
  description = "Route 53 zone of customer_email_domain for the DKIM records; null = publish them by hand (output customer_email_dkim_records)."
  type        = string
  default     = null
}
