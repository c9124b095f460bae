output "vpc_id" {
  description = "Id of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Ids of the public subnets, in the order of availability_zones."
  value       = [for zone in var.availability_zones : aws_subnet.public[zone].id]
}

output "private_subnet_ids" {
  description = "Ids of the private subnets, in the order of availability_zones."
  value       = [for zone in var.availability_zones : aws_subnet.private[zone].id]
}

output "private_subnet_cidrs" {
  description = "CIDR blocks of the private subnets."
  value       = [for zone in var.availability_zones : aws_subnet.private[zone].cidr_block]
}

output "public_subnet_cidrs" {
  description = "CIDR blocks of the public subnets (the load balancer and the NAT gateways)."
  value       = [for zone in var.availability_zones : aws_subnet.public[zone].cidr_block]
}

output "database_subnet_ids" {
  description = "Ids of the database subnets (no route out of the VPC), in the order of availability_zones."
  value       = [for zone in var.availability_zones : aws_subnet.database[zone].id]
}

output "database_subnet_cidrs" {
  description = "CIDR blocks of the database subnets."
  value       = [for zone in var.availability_zones : aws_subnet.database[zone].cidr_block]
}

output "network_acl_ids" {
  description = "Network ACL of each tier: public, private, database."
  value       = { for tier, acl in aws_network_acl.tier : tier => acl.id }
}

output "nat_public_ips" {
  description = "Public addresses of the NAT gateways (what third parties see as the platform's source address)."
  value       = [for zone in var.availability_zones : aws_eip.nat[zone].public_ip if contains(keys(local.nat_zones), zone)]
}

output "flow_log_group_name" {
  description = "Log group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}
