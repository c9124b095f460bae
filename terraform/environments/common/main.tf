# Composition shared by every environment (prod/ and staging/ link to this file); what differs
# between them lives in their backend.tf and terraform.tfvars.

locals {
  name         = "${var.project}-${var.environment}"
  cluster_name = local.name
  service_name = "api"
  tags = merge(var.tags, {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
    Repository  = var.github_repository
  })
  repo_root = "${path.root}/../../.."
  # Every alarm description links to its entry in the runbook.
  runbook_url = "https://github.com/${var.github_repository}/blob/main/docs/operations.md"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = local.tags
  }
}

module "kms" {
  source = "../../modules/kms"

  name = local.name
  tags = local.tags
}

# Every API call in every region of the account, to a KMS-encrypted bucket with signed digests.
module "cloudtrail" {
  source = "../../modules/cloudtrail"
  count  = var.enable_cloudtrail ? 1 : 0

  name               = local.name
  kms_key_arn        = module.kms.key_arn
  log_retention_days = var.cloudtrail_retention_days
  tags               = local.tags
}

module "network" {
  source = "../../modules/network"

  name                 = local.name
  vpc_cidr             = var.vpc_cidr
  availability_zones   = var.availability_zones
  public_subnet_cidrs  = var.public_subnet_cidrs
  private_subnet_cidrs = var.private_subnet_cidrs
  kms_key_arn          = module.kms.key_arn
  tags                 = local.tags

  # The network ACLs admit what the security groups do: the same ports and sources.
  database_subnet_cidrs = var.database_subnet_cidrs
  single_nat_gateway    = var.single_nat_gateway
  container_port        = var.container_port
  test_listener = var.enable_blue_green ? {
    port  = module.alb.test_listener_port
    cidrs = var.test_listener_cidrs
  } : null
}

module "ecr" {
  source = "../../modules/ecr"

  name             = var.ecr_repository_name
  keep_last_images = var.ecr_keep_last_images
  kms_key_arn      = module.kms.key_arn
  tags             = local.tags
}

module "alb" {
  source = "../../modules/alb"

  name              = local.name
  vpc_id            = module.network.vpc_id
  public_subnet_ids = module.network.public_subnet_ids
  target_cidrs      = module.network.private_subnet_cidrs
  certificate_arn   = var.certificate_arn
  container_port    = var.container_port
  enable_blue_green = var.enable_blue_green
  # The lifecycle hook smoke-tests the test listener from the NAT gateways' addresses.
  test_listener_cidrs = concat(var.test_listener_cidrs, [for ip in module.network.nat_public_ips : "${ip}/32"])
  deletion_protection = var.deletion_protection
  stickiness          = var.alb_stickiness
  kms_key_arn         = module.kms.key_arn
  tags                = local.tags
}

module "observability" {
  source = "../../modules/observability"

  name                     = local.name
  cluster_name             = local.cluster_name
  service_name             = local.service_name
  load_balancer_arn_suffix = module.alb.arn_suffix
  target_group_arn_suffix  = module.alb.target_group_arn_suffix
  min_running_tasks        = var.min_tasks
  alarm_actions            = var.alarm_actions
  lambda_function_names    = values(module.deploy_hooks.function_names)
  dead_letter_queue_names  = values(module.deploy_hooks.failure_queue_names)
  kms_key_arn              = module.kms.key_arn
  tags                     = local.tags

  # Blue/green: the guard alarms watch both target groups (null with rolling deployments).
  alternate_target_group_arn_suffix = module.alb.alternate_target_group_arn_suffix

  # Paging: every alarm notifies the paging topic unless alarm_actions names other actions.
  paging_emails                 = var.paging_emails
  pagerduty_cloudwatch_endpoint = var.pagerduty_cloudwatch_endpoint
  runbook_url                   = local.runbook_url

  # The dashboard's RDS widgets: an instance endpoint's first label is its identifier.
  database_instance_id = split(".", module.database.endpoint)[0]
}

module "database" {
  source = "../../modules/database"

  name                       = local.name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  allowed_security_group_ids = [module.ecs_service.security_group_id]
  instance_class             = var.database_instance_class
  multi_az                   = var.database_multi_az
  deletion_protection        = var.deletion_protection
  kms_key_arn                = module.kms.key_arn
  tags                       = local.tags
}

module "cache" {
  source = "../../modules/cache"

  name                       = local.name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  allowed_security_group_ids = [module.ecs_service.security_group_id]
  kms_key_arn                = module.kms.key_arn
  tags                       = local.tags
}

module "ecs_service" {
  source = "../../modules/ecs-service"

  cluster_name                    = local.cluster_name
  service_name                    = local.service_name
  container_name                  = local.service_name
  container_port                  = var.container_port
  image_repository_url            = module.ecr.repository_url
  image_tag                       = var.image_tag
  cpu                             = var.task_cpu
  memory                          = var.task_memory
  vpc_id                          = module.network.vpc_id
  private_subnet_ids              = module.network.private_subnet_ids
  load_balancer_security_group_id = module.alb.security_group_id
  target_group_arn                = module.alb.target_group_arn
  database_cidrs                  = module.network.database_subnet_cidrs
  log_group_name                  = module.observability.log_group_name
  log_group_arn                   = module.observability.log_group_arn
  ecr_repository_arn              = module.ecr.repository_arn
  kms_key_arn                     = module.kms.key_arn
  min_tasks                       = var.min_tasks
  max_tasks                       = var.max_tasks
  fargate_spot                    = var.fargate_spot
  load_balancer_arn_suffix        = module.alb.arn_suffix
  target_group_arn_suffix         = module.alb.target_group_arn_suffix
  deployment_alarm_names          = module.observability.guard_alarm_names

  # Helidon maps DB_URL to db.url, DB_USERNAME to db.username, and so on.
  environment = merge(var.service_environment, {
    DB_URL = module.database.jdbc_url
    # The credentials: read by the task at new connections, so RDS's rotation needs no redeployment
    # (database-credentials.tf).
    DB_SECRET_ID = module.database.master_user_secret_arn
    # The catalogue cache (its AUTH token comes from Secrets Manager, below).
    CACHE_URL = module.cache.url
    # Behind the load balancer the client address is the last X-Forwarded-For hop.
    RATELIMIT_FORWARDED = "true"
    # The Service dimension of the API's EMF metrics, as the dashboard reads them.
    METRICS_SERVICE = module.observability.metrics_service
  }, local.customer_notifications_environment)
  secrets = {
    PAYMENTS_STRIPE_KEY     = aws_secretsmanager_secret.payments["stripe-key"].arn
    PAYMENTS_WEBHOOK_SECRET = aws_secretsmanager_secret.payments["webhook-secret"].arn
    CACHE_PASSWORD          = module.cache.auth_token_secret_arn
  }
  secret_arns = concat([module.cache.auth_token_secret_arn], [for secret in aws_secretsmanager_secret.payments : secret.arn])

  blue_green = var.enable_blue_green ? {
    alternate_target_group_arn   = module.alb.alternate_target_group_arn
    production_listener_rule_arn = module.alb.production_listener_rule_arn
    test_listener_rule_arn       = module.alb.test_listener_rule_arn
    lifecycle_hook_function_arn  = module.deploy_hooks.lifecycle_hook_function_arn
    lifecycle_hook_role_arn      = module.deploy_hooks.lifecycle_hook_invoker_role_arn
    bake_time_in_minutes         = var.traffic_shift.deployment_bake_time_in_minutes
    strategy                     = var.deployment_strategy
    canary_percent               = var.traffic_shift.canary_percent
    canary_bake_time_in_minutes  = var.traffic_shift.canary_bake_time_in_minutes
    step_percent                 = var.traffic_shift.step_percent
    step_bake_time_in_minutes    = var.traffic_shift.step_bake_time_in_minutes
  } : null

  tags = local.tags
}

module "deploy_hooks" {
  source = "../../modules/deploy-hooks"

  name               = local.name
  environment        = var.environment
  lambda_jar_path    = coalesce(var.lambda_jar_path, "${local.repo_root}/lambdas/target/antigravity-lambdas.jar")
  event_patterns_dir = "${local.repo_root}/events-schema/patterns"
  managed_services = [{
    repository       = module.ecr.repository_name
    tag_policy       = var.tag_policy
    cluster          = local.cluster_name
    service          = local.service_name
    container        = local.service_name
    target_group_arn = module.alb.target_group_arn
    health_url       = "https://${var.domain_name}/health"
    task_role_arns   = [module.ecs_service.task_role_arn, module.ecs_service.execution_role_arn]
  }]
  guard_alarm_arns = module.observability.guard_alarm_arns
  # The lifecycle hook's smoke test goes through the blue/green test listener.
  lifecycle_test_listener_url = var.enable_blue_green ? "https://${var.domain_name}:${module.alb.test_listener_port}" : null
  # CANARY and LINEAR: the hook compares the two target groups' metrics on this load balancer.
  lifecycle_canary = var.enable_blue_green && var.deployment_strategy != "BLUE_GREEN" ? {
    load_balancer_arn_suffix = module.alb.arn_suffix
    on_too_little_traffic    = var.traffic_shift.on_too_little_traffic
  } : null
  bake_minutes        = var.bake_minutes
  notification_emails = var.notification_emails
  slack_allowed_users = var.slack_allowed_users
  vpc_id              = module.network.vpc_id
  private_subnet_ids  = module.network.private_subnet_ids
  alarm_actions       = module.observability.alarm_actions
  runbook_url         = local.runbook_url
  deletion_protection = var.deletion_protection
  kms_key_arn         = module.kms.key_arn
  tags                = local.tags
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  github_repository          = var.github_repository
  role_name                  = "${local.name}-github-push"
  ecr_repository_arn         = module.ecr.repository_arn
  kms_key_arn                = module.kms.key_arn
  create_oidc_provider       = var.create_github_oidc_provider
  existing_oidc_provider_arn = var.existing_github_oidc_provider_arn
  tags                       = local.tags

  # The scheduled drift workflow's read-only plan role (.github/workflows/drift.yml).
  drift_role_name            = "${local.name}-github-drift"
  drift_readable_secret_arns = [module.cache.auth_token_secret_arn]
}

# Order emails and SMS (api-service notification-delivery job). Without customer_email_domain the
# API only logs them.
locals {
  customer_email_from = var.customer_email_domain == null ? null : "orders@${var.customer_email_domain}"
  customer_notifications_environment = var.customer_email_domain == null ? {} : {
    NOTIFICATIONS_EMAIL_FROM      = local.customer_email_from
    NOTIFICATIONS_EMAIL_CONFIGSET = local.name
  }
}

module "customer_notifications" {
  source = "../../modules/customer-notifications"
  count  = var.customer_email_domain == null ? 0 : 1

  name            = local.name
  domain          = var.customer_email_domain
  from_address    = local.customer_email_from
  route53_zone_id = var.customer_email_zone_id
  task_role_name  = module.ecs_service.task_role_name
  tags            = local.tags
}
