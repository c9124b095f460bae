# Payments (issue 12): the Stripe secret key and the webhook endpoint's signing secret. Terraform
# creates the secrets but never their values, so neither is in the state or a plan: an operator
# puts them once with `aws secretsmanager put-secret-value` before the first deployment
# (docs/operations.md, Bootstrap). The task's execution role reads them at start (ecs-service `secrets`) into
# PAYMENTS_STRIPE_KEY and PAYMENTS_WEBHOOK_SECRET. The webhook needs no rule of its own: the
# load balancer forwards every path (/*) to the service.
resource "aws_secretsmanager_secret" "payments" {
  #checkov:skip=CKV2_AWS_57:Stripe keys are rolled in Stripe's dashboard, not by a rotation Lambda; the new value is put here and the next deployment reads it.
  for_each = {
    stripe-key     = "Stripe secret key (sk_live_...) of the API service"
    webhook-secret = "Signing secret (whsec_...) of the API service's Stripe webhook endpoint"
  }

  name                    = "${local.name}/payments/${each.key}"
  description             = each.value
  kms_key_id              = module.kms.key_arn
  recovery_window_in_days = 7
  tags                    = local.tags
}
