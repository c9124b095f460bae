data "aws_region" "current" {}

locals {
  region = data.aws_region.current.region
  # Alarm names stay under a shared prefix so operators (and IAM) can address them as a set.
  alarm_prefix = "${var.name}-guard"
  # The Service dimension of the API's EMF metrics (METRICS_SERVICE) and of the hooks' DORA figures.
  metrics_service = "${var.cluster_name}/${var.service_name}"
  service_dimensions = {
    ClusterName = var.cluster_name
    ServiceName = var.service_name
  }
  # Every target group the service can serve from, keyed "0", "1". After a blue/green swap the
  # tasks sit in the alternate one: an alarm dimensioned on the primary alone would go blind (and
  # ECS's deployment alarms with it), so the target-group alarms aggregate over all of them.
  target_groups = {
    for index, suffix in compact([var.target_group_arn_suffix, var.alternate_target_group_arn_suffix]) :
    tostring(index) => { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = suffix }
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
  alarm_description   = "More than ${var.max_5xx_percent}% of requests answered 5xx (targets and load balancer) in 2 of 3 minutes, counted once at least ${var.min_requests_for_error_rate} requests arrived. Runbook: ${var.runbook_url}#alarm-guard-5xx-rate"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.max_5xx_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "error_rate"
    label       = "5xx %"
    expression  = "IF(FILL(requests, 0) >= ${var.min_requests_for_error_rate}, 100 * (FILL(target_5xx, 0) + FILL(elb_5xx, 0)) / requests, 0)"
    return_data = true
  }

  # Requests and target 5xx summed over every target group (blue/green: both).
  metric_query {
    id         = "requests"
    label      = "Requests"
    expression = join(" + ", [for key in keys(local.target_groups) : "FILL(requests_${key}, 0)"])
  }

  metric_query {
    id         = "target_5xx"
    label      = "Target 5xx"
    expression = join(" + ", [for key in keys(local.target_groups) : "FILL(target_5xx_${key}, 0)"])
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "requests_${metric_query.key}"
      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "RequestCount"
        dimensions  = metric_query.value
        period      = 60
        stat        = "Sum"
      }
    }
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "target_5xx_${metric_query.key}"
      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "HTTPCode_Target_5XX_Count"
        dimensions  = metric_query.value
        period      = 60
        stat        = "Sum"
      }
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
  # The single-metric guard alarms (ECS service metrics); the error rate and the target-group
  # alarms (metric math over every target group) are declared beside them.
  metric_alarms = {
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
  }
}

resource "aws_cloudwatch_metric_alarm" "guard" {
  for_each = local.metric_alarms

  alarm_name          = "${local.alarm_prefix}-${each.key}"
  alarm_description   = "${each.value.description} Runbook: ${var.runbook_url}#alarm-guard-${each.key}"
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
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

locals {
  # Guard alarms over per-target-group ALB metrics: each reads every target group and returns
  # one aggregate (the slowest group's p99; the unhealthy targets of all groups).
  target_group_alarms = {
    p99-latency = {
      description = "p99 target response time above ${var.max_p99_latency_seconds}s in 3 of 5 minutes (slowest target group)."
      metric      = "TargetResponseTime"
      stat        = "p99"
      aggregate   = "MAX"
      threshold   = var.max_p99_latency_seconds
      periods     = 5
      datapoints  = 3
    }
    unhealthy-hosts = {
      description = "At least one target (of any target group) failed the /health check for 3 minutes."
      metric      = "UnHealthyHostCount"
      stat        = "Maximum"
      aggregate   = "SUM"
      threshold   = 0
      periods     = 3
      datapoints  = 3
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "target_group" {
  for_each = local.target_group_alarms

  alarm_name          = "${local.alarm_prefix}-${each.key}"
  alarm_description   = "${each.value.description} Runbook: ${var.runbook_url}#alarm-guard-${each.key}"
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  evaluation_periods  = each.value.periods
  datapoints_to_alarm = each.value.datapoints
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "all_target_groups"
    label       = "${each.value.metric} (${each.value.aggregate} over target groups)"
    expression  = "${each.value.aggregate}(METRICS())"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "target_group_${metric_query.key}"
      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = each.value.metric
        dimensions  = metric_query.value
        period      = 60
        stat        = each.value.stat
      }
    }
  }

  tags = var.tags
}

# Same alarms (same names: ECS's deployment alarms refer to them), now over every target group.
moved {
  from = aws_cloudwatch_metric_alarm.guard["p99-latency"]
  to   = aws_cloudwatch_metric_alarm.target_group["p99-latency"]
}

moved {
  from = aws_cloudwatch_metric_alarm.guard["unhealthy-hosts"]
  to   = aws_cloudwatch_metric_alarm.target_group["unhealthy-hosts"]
}

locals {
  guard_alarms = concat([aws_cloudwatch_metric_alarm.error_rate], values(aws_cloudwatch_metric_alarm.guard),
  values(aws_cloudwatch_metric_alarm.target_group))
}
