# What README.md promises: seven java25 functions from one jar with SnapStart and their own memory,
# timeout and concurrency; EventBridge rules whose patterns are the events-schema files; the ledger's
# keys, TTL and recovery; the tag policy accepted when it is a regular expression; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name               = "antigravity-prod"
  environment        = "prod"
  lambda_jar_path    = "../../tests/fixtures/lambdas/placeholder.jar"
  event_patterns_dir = "../../../events-schema/patterns"
  managed_services = [{
    repository     = "antigravity/api"
    tag_policy     = "^sha-[0-9a-f]{7,40}$"
    cluster        = "antigravity-prod"
    service        = "api"
    container      = "api"
    health_url     = "https://api.example.com/health"
    task_role_arns = ["arn:aws:iam::111111111111:role/api-task", "arn:aws:iam::111111111111:role/api-execution"]
  }]
  guard_alarm_arns   = ["arn:aws:cloudwatch:eu-west-1:111111111111:alarm:antigravity-prod-guard-5xx-rate"]
  vpc_id             = "vpc-0123456789abcdef0"
  private_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  kms_key_arn        = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
  alarm_actions      = ["arn:aws:sns:eu-west-1:111111111111:oncall-paging"]
}

run "seven_java25_functions_with_their_own_settings" {
  command = plan

  assert {
    condition = { for key, fn in aws_lambda_function.this : key => [fn.handler, fn.memory_size, fn.timeout, fn.reserved_concurrent_executions] } == {
      image-push          = ["dev.antigravity.lambdas.handlers.ImagePushHandler::handleRequest", 1024, 60, 5]
      deployment-event    = ["dev.antigravity.lambdas.handlers.DeploymentEventHandler::handleRequest", 1024, 120, 10]
      alarm               = ["dev.antigravity.lambdas.handlers.AlarmHandler::handleRequest", 1024, 60, 10]
      stabilizer          = ["dev.antigravity.lambdas.handlers.StabilizerHandler::handleRequest", 1024, 55, 1]
      notifier            = ["dev.antigravity.lambdas.handlers.NotifierHandler::handleRequest", 512, 120, 5]
      lifecycle-hook      = ["dev.antigravity.lambdas.handlers.LifecycleHookHandler::handleRequest", 1024, 60, 5]
      slack-interactivity = ["dev.antigravity.lambdas.handlers.SlackInteractivityHandler::handleRequest", 1024, 30, 5]
    }
    error_message = "the seven functions must have the handlers, memory, timeouts and concurrency of the README's table"
  }
  assert {
    condition     = alltrue([for fn in aws_lambda_function.this : fn.runtime == "java25" && fn.publish && fn.snap_start[0].apply_on == "PublishedVersions" && fn.tracing_config[0].mode == "Active"])
    error_message = "every function runs java25 with SnapStart on published versions and X-Ray tracing"
  }
  assert {
    condition     = jsondecode(aws_lambda_function.this["image-push"].environment[0].variables.MANAGED_SERVICES)[0].tagPolicy == "^sha-[0-9a-f]{7,40}$"
    error_message = "the tag policy must reach the functions in MANAGED_SERVICES"
  }
}

run "rules_match_the_events_schema_patterns" {
  command = plan

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.ecr_image_push.event_pattern) == jsondecode(file("../../../events-schema/patterns/ecr-image-push.json"))
    error_message = "the image-push rule must use events-schema/patterns/ecr-image-push.json"
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.ecs_deployment_state_change.event_pattern) == jsondecode(file("../../../events-schema/patterns/ecs-deployment-state-change.json"))
    error_message = "the deployment rule must use events-schema/patterns/ecs-deployment-state-change.json"
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.cloudwatch_alarm_state_change.event_pattern) == jsondecode(templatefile("../../../events-schema/patterns/cloudwatch-alarm-state-change.json.tftpl", { guard_alarm_arns = var.guard_alarm_arns }))
    error_message = "the alarm rule must use events-schema/patterns/cloudwatch-alarm-state-change.json.tftpl with the guard alarms"
  }
  assert {
    condition     = aws_cloudwatch_event_rule.stabilizer_schedule.schedule_expression == "rate(1 minute)"
    error_message = "the stabilizer runs every minute"
  }
}

run "ledger_has_the_contract_keys" {
  command = plan

  assert {
    condition     = aws_dynamodb_table.ledger.hash_key == "pk" && aws_dynamodb_table.ledger.range_key == "sk" && aws_dynamodb_table.ledger.ttl[0].attribute_name == "expiresAt"
    error_message = "the ledger is keyed pk/sk with TTL on expiresAt"
  }
  assert {
    condition     = [for index in aws_dynamodb_table.ledger.global_secondary_index : [index.name, [for key in index.key_schema : "${key.attribute_name}:${key.key_type}"]]] == [["by-service-time", ["gsi1pk:HASH", "gsi1sk:RANGE"]]]
    error_message = "the by-service-time index is keyed gsi1pk/gsi1sk"
  }
  assert {
    condition     = aws_dynamodb_table.ledger.point_in_time_recovery[0].enabled && aws_dynamodb_table.ledger.deletion_protection_enabled
    error_message = "the ledger must be recoverable and protected from deletion"
  }
}

run "rejects_a_tag_policy_that_is_not_a_regular_expression" {
  command = plan

  variables {
    managed_services = [{
      repository     = "antigravity/api"
      tag_policy     = "^sha-(unclosed"
      cluster        = "antigravity-prod"
      service        = "api"
      container      = "api"
      task_role_arns = ["arn:aws:iam::111111111111:role/api-task"]
    }]
  }
  expect_failures = [var.managed_services]
}

run "rejects_guard_alarms_that_are_not_alarm_arns_and_a_misplaced_patterns_dir" {
  command = plan

  variables {
    guard_alarm_arns   = ["antigravity-prod-guard-5xx-rate"]
    event_patterns_dir = "./patterns"
  }
  expect_failures = [var.guard_alarm_arns, var.event_patterns_dir]
}
