variable "github_repository" {
  description = "GitHub repository allowed to assume the role, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name."
  }
}

variable "branch" {
  description = "The only branch whose workflows may assume the role."
  type        = string
  default     = "main"

  validation {
    condition     = can(regex("^[A-Za-z0-9._/-]+$", var.branch)) && !strcontains(var.branch, "*")
    error_message = "branch must be a literal branch name (no wildcards)."
  }
}

variable "role_name" {
  description = "Name of the IAM role GitHub Actions assumes."
  type        = string

  validation {
    condition     = can(regex("^[\\w+=,.@-]{1,64}$", var.role_name))
    error_message = "role_name must be a valid IAM role name (1-64 characters)."
  }
}

variable "ecr_repository_arn" {
  description = "ARN of the only ECR repository the role may push to."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$", var.ecr_repository_arn))
    error_message = "ecr_repository_arn must be an ECR repository ARN."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key encrypting the repository."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider. Set false in the second environment of an account and pass existing_oidc_provider_arn."
  type        = bool
  default     = true
}

variable "existing_oidc_provider_arn" {
  description = "ARN of an existing GitHub OIDC provider, used when create_oidc_provider is false."
  type        = string
  default     = null

  validation {
    condition     = var.existing_oidc_provider_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$", var.existing_oidc_provider_arn))
    error_message = "existing_oidc_provider_arn must be the ARN of the token.actions.githubusercontent.com provider."
  }

  # A variable validation, not a precondition on the role: the trust policy document is evaluated
  # first and would fail with an obscure "Null value found in list".
  validation {
    condition     = var.create_oidc_provider || var.existing_oidc_provider_arn != null
    error_message = "Set existing_oidc_provider_arn when create_oidc_provider is false."
  }
}

variable "drift_role_name" {
  description = "Name of the read-only role the scheduled drift workflow assumes to run terraform plan; null = no such role."
  type        = string
  default     = null

  validation {
    condition     = var.drift_role_name == null || can(regex("^[\\w+=,.@-]{1,64}$", coalesce(var.drift_role_name, "-")))
    error_message = "drift_role_name must be a valid IAM role name (1-64 characters)."
  }
}

variable "drift_readable_secret_arns" {
  description = "Secrets whose values the drift role may read: those with a version Terraform manages (a plan reads it back), e.g. the cache's AUTH token. Never the operators' secrets."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.drift_readable_secret_arns : can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[^*]+$", arn))])
    error_message = "drift_readable_secret_arns must be Secrets Manager secret ARNs without wildcards."
  }
}

variable "tags" {
  description = "Tags applied to every resource of this module."
  type        = map(string)
  default     = {}
}
