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

output "nat_public_ips" {
  description = "Public addresses of the NAT gateways (what third parties see as the platform's source address)."
  value       = [for zone in var.availability_zones : aws_eip.nat[zone].public_ip]
}

output "flow_log_group_name" {
  description = "Log group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}
