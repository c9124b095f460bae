output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "service_arn" {
  description = "ARN of the ECS service."
  value       = aws_ecs_service.this.id
}

output "task_definition_family" {
  description = "Task definition family (the deploy hooks register revisions in it)."
  value       = aws_ecs_task_definition.this.family
}

output "security_group_id" {
  description = "Security group of the tasks (the database admits it)."
  value       = aws_security_group.service.id
}

output "task_role_arn" {
  description = "ARN of the task role (the deploy hooks pass it to new revisions)."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "ARN of the execution role (the deploy hooks pass it to new revisions)."
  value       = aws_iam_role.execution.arn
}

output "task_role_name" {
  description = "Name of the task role (modules that grant the application AWS permissions attach to it)."
  value       = aws_iam_role.task.name
}
