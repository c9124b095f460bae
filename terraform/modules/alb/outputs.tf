output "dns_name" {
  description = "DNS name of the load balancer (point the certificate's domain at it)."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Route 53 zone id of the load balancer, for alias records."
  value       = aws_lb.this.zone_id
}

output "arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer (the LoadBalancer dimension of its CloudWatch metrics)."
  value       = aws_lb.this.arn_suffix
}

output "security_group_id" {
  description = "Security group of the load balancer; the only source the service's security group admits."
  value       = aws_security_group.alb.id
}

output "target_group_arn" {
  description = "ARN of the primary target group."
  value       = aws_lb_target_group.this["primary"].arn
}

output "target_group_arn_suffix" {
  description = "ARN suffix of the primary target group (the TargetGroup dimension of its CloudWatch metrics)."
  value       = aws_lb_target_group.this["primary"].arn_suffix
}

output "alternate_target_group_arn" {
  description = "ARN of the blue/green alternate target group, or null without blue/green."
  value       = var.enable_blue_green ? aws_lb_target_group.this["alternate"].arn : null
}

output "alternate_target_group_arn_suffix" {
  description = "ARN suffix of the blue/green alternate target group (its TargetGroup metric dimension), or null without blue/green."
  value       = var.enable_blue_green ? aws_lb_target_group.this["alternate"].arn_suffix : null
}

output "production_listener_rule_arn" {
  description = "ARN of the listener rule that forwards production traffic (re-weighted by blue/green deployments)."
  value       = aws_lb_listener_rule.production.arn
}

output "test_listener_rule_arn" {
  description = "ARN of the test listener's rule, or null without blue/green."
  value       = var.enable_blue_green ? aws_lb_listener_rule.test[0].arn : null
}

output "https_listener_arn" {
  description = "ARN of the HTTPS listener."
  value       = aws_lb_listener.https.arn
}

output "test_listener_port" {
  description = "Port of the blue/green test listener (when enabled)."
  value       = var.test_listener_port
}
