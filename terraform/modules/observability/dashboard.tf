# One page for the on-call person: traffic, errors, latency, capacity, the API's own metrics (EMF),
# the database, then the deploy hooks (errors, durations, failure queues, DORA, recent decisions).

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

  # From the API's EMF lines (namespace Antigravity/Api, Service = cluster/service) and log metric filters.
  status_classes = ["2xx", "3xx", "4xx", "5xx"]
  per_route      = "{Antigravity/Api,Service,Route} MetricName=\"RequestLatency\" Service=\"${local.metrics_service}\""
  # The deploy hooks' DORA figures (namespace Antigravity, dimensions Environment and Service).
  dora = "{Antigravity,Environment,Service} Service=\"${local.metrics_service}\""

  api_widgets = [
    {
      title = "Error % (API answers by status class)"
      metrics = concat(
        [[{ id = "error_pct", label = "5xx %", expression = "100 * FILL(s5xx, 0) / (${join(" + ", [for c in local.status_classes : "FILL(s${c}, 0)"])})" }]],
        [for c in local.status_classes : ["Antigravity/Api", "Requests", "Service", local.metrics_service, "StatusClass", c, { id = "s${c}", stat = "Sum", visible = false }]],
      )
    },
    {
      title   = "p50 per route (ms)"
      metrics = [[{ id = "p50", expression = "SEARCH('${local.per_route}', 'p50', 60)" }]]
    },
    {
      title   = "p99 per route (ms)"
      metrics = [[{ id = "p99", expression = "SEARCH('${local.per_route}', 'p99', 60)" }]]
    },
    {
      title   = "Orders processed"
      metrics = [for outcome in ["placed", "paid", "cancelled", "expired"] : ["Antigravity/Api", "OrdersProcessed", "Service", local.metrics_service, "Outcome", outcome, { stat = "Sum" }]]
    },
    {
      title   = "Payment failures (create, refund: provider; declined: customer)"
      metrics = [for reason in ["create", "refund", "declined"] : ["Antigravity/Api", "PaymentFailures", "Service", local.metrics_service, "Reason", reason, { stat = "Sum" }]]
    },
    {
      # CacheHit is 1 per lookup the cache answered and 0 per lookup the database did: its Average is the ratio.
      title = "Catalogue cache hit ratio (%)"
      metrics = concat(
        [for kind in ["product", "page"] : [{ id = "ratio_${kind}", label = "${kind} hit %", expression = "100 * hit_${kind}" }]],
        [for kind in ["product", "page"] : ["Antigravity/Api", "CacheHit", "Service", local.metrics_service, "Cache", kind, { id = "hit_${kind}", stat = "Average", visible = false }]],
      )
    },
    {
      title   = "API log lines: errors and 5xx answers"
      metrics = [for name in keys(local.log_metric_filters) : [local.log_metrics_namespace, name, { stat = "Sum" }]]
    },
    {
      title = "Deployments, change failures (DORA, per day)"
      metrics = [
        [{ id = "deployments", expression = "SEARCH('${local.dora} MetricName=\"Deployments\"', 'Sum', 86400)" }],
        [{ id = "failures", expression = "SEARCH('${local.dora} MetricName=\"ChangeFailures\"', 'Sum', 86400)" }],
      ]
    },
    {
      title = "Lead time and time to restore (DORA, seconds)"
      metrics = [
        [{ id = "lead_time", expression = "SEARCH('${local.dora} MetricName=\"LeadTimeSeconds\"', 'p50', 86400)" }],
        [{ id = "restore", expression = "SEARCH('${local.dora} MetricName=\"TimeToRestoreSeconds\"', 'Average', 86400)" }],
      ]
    },
  ]

  # A for-filter rather than "cond ? [] : [...]": the widgets' shapes differ, which a conditional cannot unify.
  database_widgets = [for widget in [
    {
      title   = "RDS latency (s)"
      metrics = [["AWS/RDS", "ReadLatency", "DBInstanceIdentifier", var.database_instance_id], [".", "WriteLatency", ".", "."]]
    },
    {
      title   = "RDS connections"
      metrics = [["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", var.database_instance_id, { stat = "Maximum" }]]
    },
  ] : widget if var.database_instance_id != null]

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
    for index, widget in concat(local.service_widgets, local.api_widgets, local.database_widgets, local.hook_widgets) : {
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

locals {
  # Recent deployments and rollbacks: the hooks' own decision lines, newest first.
  log_widgets = [for widget in [
    {
      type   = "log"
      x      = 0
      y      = 6 + ceil(length(local.metric_widgets) / 2) * 6
      width  = 24
      height = 8
      properties = {
        title  = "Recent deployments and rollbacks"
        region = local.region
        view   = "table"
        query  = "SOURCE ${join(" | SOURCE ", [for group in local.hook_log_groups : "'${group}'"])} | fields @timestamp, service, deploymentId, state, result, reason | filter ispresent(deploymentId) and result = \"APPLIED\" | sort @timestamp desc | limit 30"
      }
    }
  ] : widget if length(local.hook_log_groups) > 0]
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
    ], local.metric_widgets, local.log_widgets)
  })
}
