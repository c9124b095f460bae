# Metrics from the API's log lines (JSON, docs/architecture.md "logging") and the saved Logs
# Insights queries the runbook refers to. The metric names are listed in emitted-metrics.json.

locals {
  log_metrics_namespace = "Antigravity/Api/Logs"
  access_logger         = "dev.antigravity.api.access"
  hook_log_groups       = [for fn in var.lambda_function_names : "/aws/lambda/${fn}"]

  log_metric_filters = {
    # java.util.logging calls its error level SEVERE; the formatter's own fallback line says ERROR.
    ErrorLines = "{ ($.level = \"SEVERE\") || ($.level = \"ERROR\") }"
    # One access line per request: the 5xx the service itself answered (the ALB's own are AWS/ApplicationELB).
    ServerErrorLines = "{ ($.logger = \"${local.access_logger}\") && ($.status >= 500) }"
  }

  saved_queries = {
    correlation-id = {
      groups = [aws_cloudwatch_log_group.service.name]
      # Replace the id: everything one request wrote, in order.
      query = <<-EOT
        fields @timestamp, level, logger, message, method, route, status, latency_ms, error
        | filter correlation_id = "REPLACE-WITH-X-Request-Id"
        | sort @timestamp asc
      EOT
    }
    slowest-routes = {
      groups = [aws_cloudwatch_log_group.service.name]
      query  = <<-EOT
        filter logger = "${local.access_logger}"
        | stats count(*) as requests, pct(latency_ms, 50) as p50_ms, pct(latency_ms, 99) as p99_ms, max(latency_ms) as max_ms by method, route
        | sort p99_ms desc
        | limit 20
      EOT
    }
    errors-by-route = {
      groups = [aws_cloudwatch_log_group.service.name]
      query  = <<-EOT
        filter logger = "${local.access_logger}" and status >= 500
        | stats count(*) as errors by method, route, status
        | sort errors desc
      EOT
    }
    deployment-decisions = {
      groups = local.hook_log_groups
      # Replace the id (the ledger's deploymentId, family:revision): every hook decision about it.
      query = <<-EOT
        fields @timestamp, handler, result, state, reason, eventId, level
        | filter deploymentId = "REPLACE-WITH-deploymentId"
        | sort @timestamp asc
      EOT
    }
  }
}

resource "aws_cloudwatch_log_metric_filter" "api" {
  for_each = local.log_metric_filters

  name           = "${var.name}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.service.name
  pattern        = each.value

  metric_transformation {
    name          = each.key
    namespace     = local.log_metrics_namespace
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

resource "aws_cloudwatch_query_definition" "saved" {
  for_each = { for key, query in local.saved_queries : key => query if length(query.groups) > 0 }

  name            = "${var.name}/${each.key}"
  log_group_names = each.value.groups
  query_string    = each.value.query
}
