# Order emails (SES v2) and SMS (SNS) sent by the API's notification-delivery job.

data "aws_partition" "current" {}

data "aws_region" "current" {}

# Sending events, TLS to receiving servers, and bounces/complaints suppressed account-wide.
resource "aws_sesv2_configuration_set" "this" {
  configuration_set_name = var.name

  delivery_options {
    tls_policy = "REQUIRE"
  }

  reputation_options {
    reputation_metrics_enabled = true
  }

  sending_options {
    sending_enabled = true
  }

  suppression_options {
    suppressed_reasons = ["BOUNCE", "COMPLAINT"]
  }

  tags = var.tags
}

# The sending domain, signed with Easy DKIM (2048-bit keys rotated by SES).
resource "aws_sesv2_email_identity" "domain" {
  email_identity         = var.domain
  configuration_set_name = aws_sesv2_configuration_set.this.configuration_set_name

  dkim_signing_attributes {
    next_signing_key_length = "RSA_2048_BIT"
  }

  tags = var.tags
}

# The three DKIM CNAMEs SES verifies the domain by, when the zone is in Route 53.
resource "aws_route53_record" "dkim" {
  count = var.route53_zone_id == null ? 0 : 3

  zone_id = var.route53_zone_id
  name    = "${aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens[count.index]}._domainkey.${var.domain}"
  type    = "CNAME"
  ttl     = 1800
  records = ["${aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens[count.index]}.dkim.amazonses.com"]
}

data "aws_iam_policy_document" "send" {
  statement {
    sid       = "SendOrderEmailFromTheDomain"
    actions   = ["ses:SendEmail"]
    resources = [aws_sesv2_email_identity.domain.arn, aws_sesv2_configuration_set.this.arn]

    condition {
      test     = "StringEquals"
      variable = "ses:FromAddress"
      values   = [var.from_address]
    }
  }

  # An SMS to a phone number has no resource ARN: AWS authorizes it only on Resource "*"; it is
  # held to the deployment's region, where the SMS settings and spending limit are.
  statement {
    sid       = "SendOrderSmsToPhoneNumbers"
    actions   = ["sns:Publish"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [data.aws_region.current.region]
    }
  }

  # ...so every topic and platform endpoint is denied: the task publishes to phone numbers only.
  statement {
    sid       = "PublishToNoTopicOrEndpoint"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = ["arn:${data.aws_partition.current.partition}:sns:*:*:*"]
  }
}

resource "aws_iam_role_policy" "send" {
  name   = "send-customer-notifications"
  role   = var.task_role_name
  policy = data.aws_iam_policy_document.send.json
}
