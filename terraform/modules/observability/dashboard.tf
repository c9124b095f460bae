# One page for the on-call person: traffic, errors, latency, capacity, then the deploy hooks.

locals {
  lb  = var.load_balancer_arn_suffix
  tg  = var.target_group_arn_suffix
  svc = ["ClusterName", var.cluster_name, "ServiceName", var.service_name]

  service_widgets = [
    {
      title   = "Requests and 5xx"
      metrics = [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", local.lb, "TargetGroup", local.tg, { stat = "Sum" }], [".", "HTTPCode_Target_5XX_Count", ".", ".", ".", ".", { stat = "Sum" }], ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", local.lb, { stat = "Sum" }]]
    },
    {
      title   = "Target response time"
      metrics = [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", local.lb, "TargetGroup", local.tg, { stat = "p50" }], ["...", { stat = "p99" }]]
    },
    {
      title   = "Healthy / unhealthy targets"
      metrics = [["AWS/ApplicationELB", "HealthyHostCount", "LoadBalancer", local.lb, "TargetGroup", local.tg, { stat = "Minimum" }], [".", "UnHealthyHostCount", ".", ".", ".", ".", { stat = "Maximum" }]]
    },
    {
      title   = "CPU and memory %"
      metrics = [concat(["AWS/ECS", "CPUUtilization"], local.svc), concat(["AWS/ECS", "MemoryUtilization"], local.svc)]
    },
    {
      title   = "Running / desired tasks"
      metrics = [concat(["ECS/ContainerInsights", "RunningTaskCount"], local.svc), concat(["ECS/ContainerInsights", "DesiredTaskCount"], local.svc)]
    },
  ]

  hook_widgets = length(var.lambda_function_names) == 0 ? [] : [
    {
      title   = "Deploy hooks: errors"
      metrics = [for fn in var.lambda_function_names : ["AWS/Lambda", "Errors", "FunctionName", fn, { stat = "Sum" }]]
    },
    {
      title   = "Deploy hooks: p99 duration"
      metrics = [for fn in var.lambda_function_names : ["AWS/Lambda", "Duration", "FunctionName", fn, { stat = "p99" }]]
    },
    {
      title   = "Dead-letter queues: messages waiting"
      metrics = [for queue in var.dead_letter_queue_names : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue, { stat = "Maximum" }]]
    },
  ]

  metric_widgets = [
    for index, widget in concat(local.service_widgets, local.hook_widgets) : {
      type   = "metric"
      x      = (index % 2) * 12
      y      = 6 + floor(index / 2) * 6
      width  = 12
      height = 6
      properties = {
        title   = widget.title
        region  = local.region
        view    = "timeSeries"
        stacked = false
        period  = 60
        metrics = widget.metrics
      }
    }
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = concat([
      {
        type   = "alarm"
        x      = 0
        y      = 0
        width  = 24
        height = 6
        properties = {
          title  = "Guard alarms (deployment and bake window)"
          alarms = [for alarm in local.guard_alarms : alarm.arn]
        }
      }
    ], local.metric_widgets)
  })
}
