variable "name" {
  description = "Name prefix of the instance, its subnet group, parameter group and security group."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be 2-41 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

variable "subnet_ids" {
  description = "Database-tier subnets (two zones or more, no route out of the VPC) the instance may be placed in."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "RDS subnet groups need subnets in at least two availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect (the service's tasks). Nothing else can reach the database."
  type        = list(string)

  validation {
    condition     = length(var.allowed_security_group_ids) > 0
    error_message = "At least one security group must be allowed, or the database is unreachable."
  }
}

variable "engine_major_version" {
  description = "PostgreSQL major version (the migrations are tested on 15)."
  type        = string
  default     = "15"

  validation {
    condition     = can(regex("^1[5-9]$", var.engine_major_version))
    error_message = "engine_major_version must be a PostgreSQL major version from 15 on."
  }
}

variable "instance_class" {
  description = "Instance class (Performance Insights needs db.t4g.medium or larger in the burstable family)."
  type        = string
  default     = "db.t4g.medium"

  validation {
    condition     = startswith(var.instance_class, "db.")
    error_message = "instance_class must be an RDS instance class (db.*)."
  }
}

variable "port" {
  description = "Port PostgreSQL listens on."
  type        = number
  default     = 5432
}

variable "database_name" {
  description = "Name of the application database."
  type        = string
  default     = "antigravity"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_]{0,62}$", var.database_name))
    error_message = "database_name must start with a letter and contain letters, digits or '_' (max 63)."
  }
}

variable "master_username" {
  description = "Master user name (its password is generated and kept by RDS in Secrets Manager)."
  type        = string
  default     = "antigravity"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_]{0,15}$", var.master_username)) && !contains(["admin", "postgres", "rdsadmin"], lower(var.master_username))
    error_message = "master_username must be 1-16 letters, digits or '_', start with a letter and not be a reserved name."
  }
}

variable "allocated_storage_gb" {
  description = "Initial storage in GiB."
  type        = number
  default     = 20

  validation {
    condition     = var.allocated_storage_gb >= 20
    error_message = "allocated_storage_gb must be at least 20 (gp3 minimum)."
  }
}

variable "max_allocated_storage_gb" {
  description = "Upper bound of storage autoscaling in GiB."
  type        = number
  default     = 100
}

variable "multi_az" {
  description = "Keep a synchronous standby in a second zone."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days automated backups (point-in-time restore) are kept."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35."
  }
}

variable "backup_window" {
  description = "Daily backup window (UTC)."
  type        = string
  default     = "02:00-03:00"
}

variable "maintenance_window" {
  description = "Weekly maintenance window (UTC); must not overlap the backup window."
  type        = string
  default     = "sun:03:30-sun:04:30"
}

variable "log_min_duration_ms" {
  description = "Statements slower than this are logged."
  type        = number
  default     = 500
}

variable "deletion_protection" {
  description = "Protect the instance from deletion (disable only to tear an environment down)."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "ARN of the KMS key encrypting storage, Performance Insights and the master secret."
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
