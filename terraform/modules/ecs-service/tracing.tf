# Tracing: an AWS Distro for OpenTelemetry collector beside the API. The API exports its spans
# over OTLP/HTTP to the collector on localhost (TRACING_ENDPOINT) and samples them itself
# (TRACING_RATIO, following a sampled caller); the collector batches them to X-Ray with the task
# role. Not essential: a collector that dies loses traces, never requests.

locals {
  tracing_receiver = "127.0.0.1:4318"
  tracing_environment = var.tracing.enabled ? {
    TRACING_ENDPOINT = "http://${local.tracing_receiver}/v1/traces"
    TRACING_RATIO    = tostring(var.tracing.sampling_ratio)
  } : {}

  # Traces only: OTLP in, X-Ray out (the image's default configurations also ship metrics).
  collector_configuration = yamlencode({
    receivers  = { otlp = { protocols = { http = { endpoint = local.tracing_receiver } } } }
    processors = { batch = {} }
    exporters  = { awsxray = { region = local.region } }
    service    = { pipelines = { traces = { receivers = ["otlp"], processors = ["batch"], exporters = ["awsxray"] } } }
  })

  sidecars = [for container in [
    {
      name                   = "adot-collector"
      image                  = var.tracing.collector_image
      essential              = false
      readonlyRootFilesystem = true
      privileged             = false
      environment            = [{ name = "AOT_CONFIG_CONTENT", value = local.collector_configuration }]
      mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = var.log_group_name
          awslogs-region        = local.region
          awslogs-stream-prefix = "adot"
          mode                  = "non-blocking"
          max-buffer-size       = "4m"
        }
      }
    }
  ] : container if var.tracing.enabled]
}

data "aws_iam_policy_document" "tracing" {
  statement {
    sid = "CollectorSendsTracesToXRay"
    # X-Ray has no resource-level permissions for these actions: AWS requires Resource "*".
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "tracing" {
  count = var.tracing.enabled ? 1 : 0

  name   = "send-traces"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.tracing.json
}
