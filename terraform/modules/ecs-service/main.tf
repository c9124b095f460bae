data "aws_region" "current" {}

locals {
  region = data.aws_region.current.region
  # Rolling unless ECS shifts traffic between the two target groups.
  deployment_strategy = var.blue_green == null ? "ROLLING" : var.blue_green.strategy
  # The hook smoke-tests after test traffic and checks alarms after production traffic; with CANARY and LINEAR it
  # also judges the canary while production traffic shifts.
  lifecycle_stages = {
    ROLLING    = []
    BLUE_GREEN = ["POST_TEST_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"]
    CANARY     = ["POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"]
    LINEAR     = ["POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"]
  }
  environment = merge(var.environment, {
    # The version /health reports; the deploy hooks replace it with the pushed tag.
    APP_VERSION = var.image_tag
    # /observe/* (metrics, detailed health) listens here; no port mapping, target group or
    # security group rule names it, so only the task itself (a sidecar) can reach it.
    MANAGEMENT_PORT = tostring(var.management_port)
  }, local.tracing_environment)

  # The image's own HEALTHCHECK (Dockerfile: the java.base-only probe of docker/HealthCheck.java),
  # repeated here because ECS ignores a Dockerfile HEALTHCHECK: with it ECS replaces a wedged task
  # even when no load balancer looks at it. HealthCheckAgreementTest holds the two equal.
  # With fargate_spot: a base of on-demand tasks, the rest split by weight. Without it the service keeps
  # launch_type FARGATE: the provider replaces a service whose launch type turns into a strategy.
  capacity_provider_strategy = var.fargate_spot.enabled ? [
    { capacity_provider = "FARGATE", base = var.fargate_spot.on_demand_base, weight = var.fargate_spot.on_demand_weight },
    { capacity_provider = "FARGATE_SPOT", base = 0, weight = var.fargate_spot.spot_weight },
  ] : []

  container_health_check = {
    command     = ["CMD", "/opt/antigravity/java/bin/java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx16m", "-cp", "/opt/antigravity/healthcheck", "HealthCheck", "http://127.0.0.1:${var.container_port}/health"]
    interval    = 30
    timeout     = 5
    startPeriod = 60
    retries     = 3
  }
}

resource "aws_ecs_cluster" "this" {
  name = var.cluster_name

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }

  tags = var.tags
}

# Both Fargate capacity providers are available; the service's strategy (below) picks the mix.
resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

# --- Security group: only the load balancer, only on the container port.

resource "aws_security_group" "service" {
  name_prefix = "${var.service_name}-tasks-"
  description = "${var.service_name} tasks: the load balancer in on the container port; HTTPS and the database out"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.service_name}-tasks" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  security_group_id            = aws_security_group.service.id
  description                  = "HTTP from the load balancer only"
  referenced_security_group_id = var.load_balancer_security_group_id
  from_port                    = var.container_port
  to_port                      = var.container_port
  ip_protocol                  = "tcp"
  tags                         = var.tags
}

# AWS APIs (ECR, Secrets Manager, CloudWatch) are reached over HTTPS through the NAT gateways.
resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.service.id
  description       = "HTTPS to AWS APIs"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "database" {
  for_each = toset(var.database_cidrs)

  security_group_id = aws_security_group.service.id
  description       = "PostgreSQL in the database subnets"
  cidr_ipv4         = each.value
  from_port         = var.database_port
  to_port           = var.database_port
  ip_protocol       = "tcp"
  tags              = var.tags
}

# --- Task definition.

resource "aws_ecs_task_definition" "this" {
  family                   = var.service_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # The root filesystem is read-only; the JVM's temporary files go to task storage.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode(concat([
    {
      name                   = var.container_name
      image                  = "${var.image_repository_url}:${var.image_tag}"
      essential              = true
      readonlyRootFilesystem = true
      privileged             = false
      stopTimeout            = var.stop_timeout_seconds
      portMappings = [{
        name          = "http"
        containerPort = var.container_port
        protocol      = "tcp"
        appProtocol   = "http"
      }]
      environment = [for key in sort(keys(local.environment)) : { name = key, value = local.environment[key] }]
      secrets     = [for key in sort(keys(var.secrets)) : { name = key, valueFrom = var.secrets[key] }]
      mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      # An init process reaps zombies and forwards SIGTERM, so the server drains on scale-in.
      linuxParameters = { initProcessEnabled = true }
      ulimits         = [{ name = "nofile", softLimit = 65536, hardLimit = 65536 }]
      healthCheck     = local.container_health_check
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = var.log_group_name
          awslogs-region        = local.region
          awslogs-stream-prefix = var.container_name
          # A slow CloudWatch must not block request threads writing to stdout.
          mode            = "non-blocking"
          max-buffer-size = "25m"
        }
      }
    }
  ], local.sidecars))

  tags = var.tags
}

# --- Service.

resource "aws_ecs_service" "this" {
  name                               = var.service_name
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.min_tasks
  launch_type                        = var.fargate_spot.enabled ? null : "FARGATE"
  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent
  health_check_grace_period_seconds  = var.health_check_grace_period_seconds
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  enable_execute_command             = false
  wait_for_steady_state              = false

  # fargate_spot: a base of on-demand tasks and the rest split by weight, so a wave of Spot
  # interruptions never takes the service below the base.
  dynamic "capacity_provider_strategy" {
    for_each = local.capacity_provider_strategy
    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = var.container_name
    container_port   = var.container_port

    dynamic "advanced_configuration" {
      for_each = var.blue_green == null ? [] : [var.blue_green]
      content {
        alternate_target_group_arn = advanced_configuration.value.alternate_target_group_arn
        production_listener_rule   = advanced_configuration.value.production_listener_rule_arn
        test_listener_rule         = advanced_configuration.value.test_listener_rule_arn
        role_arn                   = aws_iam_role.load_balancer_infrastructure[0].arn
      }
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # The same alarms guard the bake window in the deploy hooks: one source of truth.
  alarms {
    alarm_names = var.deployment_alarm_names
    enable      = length(var.deployment_alarm_names) > 0
    rollback    = true
  }

  deployment_configuration {
    strategy             = local.deployment_strategy
    bake_time_in_minutes = var.blue_green == null ? null : var.blue_green.bake_time_in_minutes

    dynamic "canary_configuration" {
      for_each = local.deployment_strategy == "CANARY" ? [var.blue_green] : []
      content {
        canary_percent              = canary_configuration.value.canary_percent
        canary_bake_time_in_minutes = canary_configuration.value.canary_bake_time_in_minutes
      }
    }

    dynamic "linear_configuration" {
      for_each = local.deployment_strategy == "LINEAR" ? [var.blue_green] : []
      content {
        step_percent              = linear_configuration.value.step_percent
        step_bake_time_in_minutes = linear_configuration.value.step_bake_time_in_minutes
      }
    }

    dynamic "lifecycle_hook" {
      for_each = var.blue_green == null ? [] : [var.blue_green]
      content {
        hook_target_arn  = lifecycle_hook.value.lifecycle_hook_function_arn
        role_arn         = lifecycle_hook.value.lifecycle_hook_role_arn
        lifecycle_stages = coalesce(lifecycle_hook.value.lifecycle_stages, local.lifecycle_stages[local.deployment_strategy])
      }
    }
  }

  tags = var.tags

  lifecycle {
    # The deploy hooks own the running revision (they register one per pushed image) and
    # autoscaling owns the count: Terraform must not roll either back on the next apply.
    ignore_changes = [task_definition, desired_count]
  }
}

# --- Autoscaling: target tracking on CPU, memory and requests per target. Application Auto Scaling
# scales out when any policy asks and in only when every policy agrees, each after its cooldown.

resource "aws_appautoscaling_target" "service" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_tasks
  max_capacity       = var.max_tasks
  tags               = var.tags
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.service_name}-cpu-target"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service.service_namespace
  resource_id        = aws_appautoscaling_target.service.resource_id
  scalable_dimension = aws_appautoscaling_target.service.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_out_cooldown = var.scale_out_cooldown_seconds
    scale_in_cooldown  = var.scale_in_cooldown_seconds

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  name               = "${var.service_name}-memory-target"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service.service_namespace
  resource_id        = aws_appautoscaling_target.service.resource_id
  scalable_dimension = aws_appautoscaling_target.service.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.memory_target_percent
    scale_out_cooldown = var.scale_out_cooldown_seconds
    scale_in_cooldown  = var.scale_in_cooldown_seconds

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

# Requests per task and minute through the load balancer: I/O-bound load (waiting on PostgreSQL or
# Stripe) that CPU does not show. With blue/green it follows the primary target group only (AWS's
# predefined metric names one); CPU and memory still cover the deployments that swap to the other.
resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.service_name}-requests-target"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service.service_namespace
  resource_id        = aws_appautoscaling_target.service.resource_id
  scalable_dimension = aws_appautoscaling_target.service.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target_per_minute
    scale_out_cooldown = var.scale_out_cooldown_seconds
    scale_in_cooldown  = var.scale_in_cooldown_seconds

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.load_balancer_arn_suffix}/${var.target_group_arn_suffix}"
    }
  }
}
