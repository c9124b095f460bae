variable "name" {
  description = "Name of the replication group, and prefix of its subnet group, parameter group, security group and secret."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$", var.name))
    error_message = "name must be 3-40 lowercase letters, digits or '-', starting with a letter and not ending with '-' (ElastiCache's rule)."
  }
}

variable "vpc_id" {
  description = "VPC of the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Database-tier subnets (two zones or more, no route out of the VPC) the nodes may be placed in."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "Multi-AZ failover needs subnets in at least two availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect (the service's tasks); each also gets an egress rule to the cache. Nothing else can reach it."
  type        = list(string)

  validation {
    condition     = length(var.allowed_security_group_ids) > 0
    error_message = "At least one security group must be allowed, or the cache is unreachable."
  }
}

variable "engine_version" {
  description = "Valkey version (major.minor)."
  type        = string
  default     = "8.0"

  validation {
    condition     = can(regex("^[7-9]\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must be a Valkey major.minor version from 7 on, e.g. 8.0."
  }
}

variable "node_type" {
  description = "Node type of every node."
  type        = string
  default     = "cache.t4g.small"

  validation {
    condition     = startswith(var.node_type, "cache.")
    error_message = "node_type must be an ElastiCache node type (cache.*)."
  }
}

variable "nodes" {
  description = "Nodes in the group: one primary and nodes - 1 replicas in other zones (Multi-AZ automatic failover needs a replica)."
  type        = number
  default     = 2

  validation {
    condition     = var.nodes >= 2 && var.nodes <= 6 && floor(var.nodes) == var.nodes
    error_message = "nodes must be a whole number from 2 to 6 (a primary and at least one replica)."
  }
}

variable "port" {
  description = "Port Valkey listens on."
  type        = number
  default     = 6379

  validation {
    condition     = var.port >= 1024 && var.port <= 65535
    error_message = "port must be from 1024 to 65535."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key encrypting the data at rest, the AUTH token secret and the slow log."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "maintenance_window" {
  description = "Weekly maintenance window (UTC); must not overlap the snapshot window."
  type        = string
  default     = "sun:04:30-sun:05:30"
}

variable "snapshot_window" {
  description = "Daily snapshot window (UTC)."
  type        = string
  default     = "03:00-04:00"
}

variable "snapshot_retention_days" {
  description = "Days daily snapshots are kept (0 = none; the cache holds nothing the database does not)."
  type        = number
  default     = 1

  validation {
    condition     = var.snapshot_retention_days >= 0 && var.snapshot_retention_days <= 35
    error_message = "snapshot_retention_days must be from 0 to 35."
  }
}

variable "log_retention_days" {
  description = "Days the slow log is kept in CloudWatch."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts."
  }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
