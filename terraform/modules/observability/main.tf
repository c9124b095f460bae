data "aws_region" "current" {}

locals {
  region = data.aws_region.current.region
  # Alarm names stay under a shared prefix so operators (and IAM) can address them as a set.
  alarm_prefix = "${var.name}-guard"
  service_dimensions = {
    ClusterName = var.cluster_name
    ServiceName = var.service_name
  }
  target_dimensions = {
    LoadBalancer = var.load_balancer_arn_suffix
    TargetGroup  = var.target_group_arn_suffix
  }
}

# The application's log group; the task definition ships container stdout here.
resource "aws_cloudwatch_log_group" "service" {
  name              = "/ecs/${var.name}/${var.service_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# --- Guard alarms. ECS watches them during a deployment (deploymentConfiguration.alarms) and the
# deploy hooks keep watching them through the bake window; both roll back on ALARM.

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  alarm_name          = "${local.alarm_prefix}-5xx-rate"
  alarm_description   = "More than ${var.max_5xx_percent}% of requests answered 5xx (targets and load balancer) in 2 of 3 minutes, counted once at least ${var.min_requests_for_error_rate} requests arrived."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.max_5xx_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "error_rate"
    label       = "5xx %"
    expression  = "IF(FILL(requests, 0) >= ${var.min_requests_for_error_rate}, 100 * (FILL(target_5xx, 0) + FILL(elb_5xx, 0)) / requests, 0)"
    return_data = true
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = local.target_dimensions
      period      = 60
      stat        = "Sum"
    }
  }

  metric_query {
    id = "target_5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = local.target_dimensions
      period      = 60
      stat        = "Sum"
    }
  }

  # 502/503/504 produced by the load balancer itself (no healthy target, target reset).
  metric_query {
    id = "elb_5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = { LoadBalancer = var.load_balancer_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }

  tags = var.tags
}

locals {
  # The single-metric guard alarms; the error rate (metric math) is declared above.
  metric_alarms = {
    p99-latency = {
      description = "p99 target response time above ${var.max_p99_latency_seconds}s in 3 of 5 minutes."
      namespace   = "AWS/ApplicationELB"
      metric      = "TargetResponseTime"
      dimensions  = local.target_dimensions
      statistic   = null
      extended    = "p99"
      comparison  = "GreaterThanThreshold"
      threshold   = var.max_p99_latency_seconds
      periods     = 5
      datapoints  = 3
      missing     = "notBreaching"
    }
    running-tasks = {
      description = "Fewer than ${var.min_running_tasks} tasks running for 3 minutes."
      namespace   = "ECS/ContainerInsights"
      metric      = "RunningTaskCount"
      dimensions  = local.service_dimensions
      statistic   = "Minimum"
      extended    = null
      comparison  = "LessThanThreshold"
      threshold   = var.min_running_tasks
      periods     = 3
      datapoints  = 3
      # No data means no task reports: that is the failure this alarm exists for.
      missing = "breaching"
    }
    memory = {
      description = "Average memory utilisation of the service above ${var.max_memory_percent}% in 3 of 5 minutes."
      namespace   = "AWS/ECS"
      metric      = "MemoryUtilization"
      dimensions  = local.service_dimensions
      statistic   = "Average"
      extended    = null
      comparison  = "GreaterThanThreshold"
      threshold   = var.max_memory_percent
      periods     = 5
      datapoints  = 3
      missing     = "notBreaching"
    }
    unhealthy-hosts = {
      description = "At least one target failed the /health check for 3 minutes."
      namespace   = "AWS/ApplicationELB"
      metric      = "UnHealthyHostCount"
      dimensions  = local.target_dimensions
      statistic   = "Maximum"
      extended    = null
      comparison  = "GreaterThanThreshold"
      threshold   = 0
      periods     = 3
      datapoints  = 3
      missing     = "notBreaching"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "guard" {
  for_each = local.metric_alarms

  alarm_name          = "${local.alarm_prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended
  period              = 60
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold
  evaluation_periods  = each.value.periods
  datapoints_to_alarm = each.value.datapoints
  treat_missing_data  = each.value.missing
  actions_enabled     = true
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}

locals {
  guard_alarms = concat([aws_cloudwatch_metric_alarm.error_rate], values(aws_cloudwatch_metric_alarm.guard))
}
