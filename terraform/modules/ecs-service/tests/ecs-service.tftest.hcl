# What README.md promises: Fargate tasks in private subnets without public IPs, admitted only from
# the load balancer's security group, read-only root filesystem, rolling deployments guarded by the
# circuit breaker and the alarms, CPU target tracking; the deploy hooks own the running revision
# (task_definition and desired_count are ignored); and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  cluster_name                    = "antigravity-prod"
  service_name                    = "api"
  image_repository_url            = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/antigravity/api"
  image_tag                       = "sha-0123abc"
  vpc_id                          = "vpc-0123456789abcdef0"
  private_subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  load_balancer_security_group_id = "sg-0a0a0a0a0a0a0a0a0"
  target_group_arn                = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/antigr-primary/0123456789abcdef"
  log_group_name                  = "/ecs/antigravity-prod/api"
  log_group_arn                   = "arn:aws:logs:eu-west-1:111111111111:log-group:/ecs/antigravity-prod/api"
  ecr_repository_arn              = "arn:aws:ecr:eu-west-1:111111111111:repository/antigravity/api"
  kms_key_arn                     = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
  deployment_alarm_names          = ["antigravity-prod-api-5xx"]
  load_balancer_arn_suffix        = "app/antigravity-prod/0123456789abcdef"
  target_group_arn_suffix         = "targetgroup/antigr-primary/0123456789abcdef"
}

run "tasks_run_privately_behind_the_load_balancer" {
  command = plan

  assert {
    condition     = !aws_ecs_service.this.network_configuration[0].assign_public_ip && aws_ecs_service.this.network_configuration[0].subnets == toset(var.private_subnet_ids)
    error_message = "tasks must run in the private subnets without public IPs"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.from_load_balancer.referenced_security_group_id == var.load_balancer_security_group_id && aws_vpc_security_group_ingress_rule.from_load_balancer.from_port == 8080
    error_message = "only the load balancer's security group may reach the container port"
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].readonlyRootFilesystem && jsondecode(aws_ecs_task_definition.this.container_definitions)[0].image == "${var.image_repository_url}:sha-0123abc"
    error_message = "the container must run the tagged image on a read-only root filesystem"
  }
  assert {
    condition     = aws_ecs_service.this.deployment_circuit_breaker[0].rollback && aws_ecs_service.this.alarms[0].enable && aws_ecs_service.this.alarms[0].rollback && aws_ecs_service.this.alarms[0].alarm_names == toset(var.deployment_alarm_names)
    error_message = "deployments must roll back on the circuit breaker and on the guard alarms"
  }
  assert {
    condition     = aws_ecs_service.this.deployment_configuration[0].strategy == "ROLLING" && aws_ecs_service.this.deployment_minimum_healthy_percent == 66 && aws_ecs_service.this.deployment_maximum_percent == 150
    error_message = "rolling deployments keep 66 % healthy and run at most 150 %"
  }
  assert {
    condition     = aws_appautoscaling_target.service.min_capacity == 2 && aws_appautoscaling_target.service.max_capacity == 10 && aws_appautoscaling_policy.cpu.target_tracking_scaling_policy_configuration[0].target_value == 70
    error_message = "target tracking keeps CPU at 70 % between 2 and 10 tasks"
  }
}

run "deployed" {
  command = apply

  override_resource {
    target = aws_ecs_task_definition.this
    values = {
      arn = "arn:aws:ecs:eu-west-1:111111111111:task-definition/api:1"
    }
  }
}

# A later apply with another image or task count must not roll the service back to Terraform's
# revision nor undo autoscaling: the deploy hooks and autoscaling own those. (Were the changes not
# ignored, the planned values would be unknown or new and these assertions would fail.)
run "a_later_apply_leaves_the_running_revision_and_task_count_alone" {
  command = plan

  variables {
    image_tag = "sha-4567def"
    min_tasks = 3
  }

  assert {
    condition     = aws_ecs_service.this.task_definition == "arn:aws:ecs:eu-west-1:111111111111:task-definition/api:1"
    error_message = "the service must keep the revision the deploy hooks set"
  }
  assert {
    condition     = aws_ecs_service.this.desired_count == 2 && aws_appautoscaling_target.service.min_capacity == 3
    error_message = "desired_count belongs to autoscaling once the service runs"
  }
}

run "rejects_latest_an_invalid_cpu_and_one_subnet" {
  command = plan

  variables {
    image_tag          = "latest"
    cpu                = 300
    private_subnet_ids = ["subnet-0123456789abcdef0"]
  }
  expect_failures = [var.image_tag, var.cpu, var.private_subnet_ids]
}
