# Order emails and SMS: a DKIM-signed SES identity with TLS required, the DKIM records when the zone
# is in Route 53, and the task allowed to send only from its address; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name           = "antigravity-prod"
  domain         = "shop.example.com"
  from_address   = "orders@shop.example.com"
  task_role_name = "antigravity-prod-task"
}

run "mail_is_signed_and_sent_over_tls" {
  command = plan

  assert {
    condition     = aws_sesv2_configuration_set.this.delivery_options[0].tls_policy == "REQUIRE"
    error_message = "mail goes to receiving servers over TLS only"
  }
  assert {
    condition     = aws_sesv2_email_identity.domain.dkim_signing_attributes[0].next_signing_key_length == "RSA_2048_BIT"
    error_message = "the domain is signed with 2048-bit Easy DKIM"
  }
  assert {
    condition     = length(aws_route53_record.dkim) == 0
    error_message = "no DNS records without a Route 53 zone"
  }
  assert {
    condition     = aws_iam_role_policy.send.role == var.task_role_name
    error_message = "the sending policy is the task role's"
  }
}

run "the_dkim_records_go_into_the_zone" {
  command = plan

  variables {
    route53_zone_id = "Z0123456789ABCDEFGHIJ"
  }
  assert {
    condition     = length(aws_route53_record.dkim) == 3
    error_message = "three DKIM CNAMEs when the zone is in Route 53"
  }
}

run "rejects_a_domain_that_is_no_host_name" {
  command = plan

  variables {
    domain = "not a domain"
  }
  expect_failures = [var.domain]
}
