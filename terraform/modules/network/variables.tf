variable "name" {
  description = "Name of the VPC; prefixes the names of its subnets, gateways and log group."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}$", var.name))
    error_message = "name must be 2-39 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr))
    error_message = "vpc_cidr must be an IPv4 CIDR block such as 10.0.0.0/16."
  }
}

variable "availability_zones" {
  description = "Availability zones to spread over, one public and one private subnet (and one NAT gateway) in each."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2 && length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "availability_zones must list at least two distinct zones."
  }
}

variable "public_subnet_cidrs" {
  description = "CIDR blocks of the public subnets, in the order of availability_zones."
  type        = list(string)
  default     = ["10.0.1.0/24", "10.0.2.0/24"]

  validation {
    condition     = alltrue([for cidr in var.public_subnet_cidrs : can(cidrnetmask(cidr))])
    error_message = "public_subnet_cidrs must be IPv4 CIDR blocks."
  }

  validation {
    condition     = length(var.public_subnet_cidrs) >= length(var.availability_zones)
    error_message = "public_subnet_cidrs needs a CIDR block for each of the availability_zones."
  }
}

variable "private_subnet_cidrs" {
  description = "CIDR blocks of the private subnets, in the order of availability_zones."
  type        = list(string)
  default     = ["10.0.11.0/24", "10.0.12.0/24"]

  validation {
    condition     = alltrue([for cidr in var.private_subnet_cidrs : can(cidrnetmask(cidr))])
    error_message = "private_subnet_cidrs must be IPv4 CIDR blocks."
  }

  validation {
    condition     = length(var.private_subnet_cidrs) >= length(var.availability_zones)
    error_message = "private_subnet_cidrs needs a CIDR block for each of the availability_zones."
  }
}

variable "database_subnet_cidrs" {
  description = "CIDR blocks of the database subnets (RDS, ElastiCache; no route out of the VPC), in the order of availability_zones."
  type        = list(string)
  default     = ["10.0.21.0/24", "10.0.22.0/24"]

  validation {
    condition     = alltrue([for cidr in var.database_subnet_cidrs : can(cidrnetmask(cidr))])
    error_message = "database_subnet_cidrs must be IPv4 CIDR blocks."
  }

  validation {
    condition     = length(var.database_subnet_cidrs) >= length(var.availability_zones)
    error_message = "database_subnet_cidrs needs a CIDR block for each of the availability_zones."
  }
}

variable "load_balancer_ingress_cidrs" {
  description = "Client CIDR blocks the public network ACL admits on the load balancer's ports 80 and 443 (the ALB module's ingress_cidrs)."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.load_balancer_ingress_cidrs) > 0 && length(var.load_balancer_ingress_cidrs) < 50 && alltrue([for cidr in var.load_balancer_ingress_cidrs : can(cidrnetmask(cidr))])
    error_message = "load_balancer_ingress_cidrs must be 1-49 IPv4 CIDR blocks (ACL rules are numbered per block)."
  }
}

variable "container_port" {
  description = "Port the tasks listen on: the public tier may reach the private tier on it (the load balancer's targets)."
  type        = number
  default     = 8080

  validation {
    condition     = var.container_port >= 1 && var.container_port <= 65535
    error_message = "container_port must be a TCP port."
  }
}

variable "database_port" {
  description = "Port of the database (RDS PostgreSQL) in the database tier; the private tier may reach it."
  type        = number
  default     = 5432

  validation {
    condition     = var.database_port >= 1 && var.database_port <= 65535
    error_message = "database_port must be a TCP port."
  }
}

variable "cache_port" {
  description = "Port of the cache (ElastiCache) in the database tier; the private tier may reach it, and the cache nodes each other (replication)."
  type        = number
  default     = 6379

  validation {
    condition     = var.cache_port >= 1 && var.cache_port <= 65535
    error_message = "cache_port must be a TCP port."
  }
}

variable "test_listener" {
  description = "The load balancer's blue/green test listener: its port and the operator CIDR blocks it admits (this module adds its own NAT gateways' addresses, from which the smoke-test hook calls it); null = no test listener."
  type = object({
    port  = number
    cidrs = list(string)
  })
  default = null

  validation {
    condition     = var.test_listener == null || try(var.test_listener.port >= 1 && var.test_listener.port <= 65535 && length(var.test_listener.cidrs) < 40 && alltrue([for cidr in var.test_listener.cidrs : can(cidrnetmask(cidr)) && cidr != "0.0.0.0/0"]), false)
    error_message = "test_listener.port must be a TCP port and test_listener.cidrs at most 39 IPv4 CIDR blocks, never 0.0.0.0/0."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway, in the first zone, for every private subnet instead of one per zone: cheaper (docs/cost.md), but the private subnets lose the internet while that zone is down. For staging at most."
  type        = bool
  default     = false
}

variable "flow_log_retention_days" {
  description = "Retention of the VPC flow logs, in days (a value CloudWatch Logs accepts)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be one of the retention periods CloudWatch Logs supports."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the flow log group."
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
