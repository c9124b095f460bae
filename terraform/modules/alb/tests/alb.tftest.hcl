# What README.md promises: port 80 only redirects, HTTPS with a TLS 1.3 policy, a forwarding rule to
# an IP target group probing /health, invalid headers dropped, access logs, WAF attached; blue/green
# adds the alternate target group and a restricted test listener; and the inputs it refuses.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

variables {
  name              = "antigravity-prod"
  vpc_id            = "vpc-0123456789abcdef0"
  public_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  target_cidrs      = ["10.0.11.0/24", "10.0.12.0/24"]
  certificate_arn   = "arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
  kms_key_arn       = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "http_redirects_and_https_serves_tls13" {
  command = plan

  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "redirect" && aws_lb_listener.http.default_action[0].redirect[0].status_code == "HTTP_301" && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS"
    error_message = "port 80 must answer only a 301 to HTTPS"
  }
  assert {
    condition     = aws_lb_listener.https.protocol == "HTTPS" && aws_lb_listener.https.ssl_policy == "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" && aws_lb_listener.https.certificate_arn == var.certificate_arn
    error_message = "HTTPS must serve the certificate with the restricted TLS 1.3 policy"
  }
  assert {
    condition     = jsondecode(aws_lb_listener.https.default_action[0].fixed_response[0].message_body).status == 404
    error_message = "unmatched requests get a problem document with status 404"
  }
  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && !aws_lb.this.internal && aws_lb.this.enable_deletion_protection && aws_lb.this.access_logs[0].enabled
    error_message = "the load balancer must drop invalid headers, log access and be protected from deletion"
  }
}

run "forwards_to_an_ip_target_group_probing_health" {
  command = plan

  assert {
    condition     = keys(aws_lb_target_group.this) == ["primary"] && aws_lb_target_group.this["primary"].target_type == "ip" && aws_lb_target_group.this["primary"].port == 8080
    error_message = "one IP target group on the container port without blue/green"
  }
  assert {
    condition     = aws_lb_target_group.this["primary"].health_check[0].path == "/health" && aws_lb_target_group.this["primary"].health_check[0].matcher == "200"
    error_message = "the target group must probe /health for a 200"
  }
  assert {
    condition     = aws_lb_target_group.this["primary"].deregistration_delay == "30" && aws_lb_target_group.this["primary"].slow_start == 30
    error_message = "draining tasks get 30 s, new ones a 30 s slow start"
  }
  assert {
    condition     = sort([for rule in aws_vpc_security_group_egress_rule.targets : rule.cidr_ipv4]) == var.target_cidrs && alltrue([for rule in aws_vpc_security_group_egress_rule.targets : rule.from_port == 8080 && rule.to_port == 8080])
    error_message = "the load balancer may reach only the target subnets on the container port"
  }
  assert {
    condition     = length(aws_lb_listener.test) == 0 && length(aws_vpc_security_group_ingress_rule.test_listener) == 0
    error_message = "no test listener without blue/green"
  }
}

run "blue_green_adds_an_alternate_target_group_and_a_restricted_test_listener" {
  command = plan

  variables {
    enable_blue_green   = true
    test_listener_cidrs = ["203.0.113.10/32"]
  }

  assert {
    condition     = sort(keys(aws_lb_target_group.this)) == tolist(["alternate", "primary"])
    error_message = "blue/green needs the alternate target group"
  }
  assert {
    condition     = aws_lb_listener.test[0].port == 8443 && aws_lb_listener.test[0].protocol == "HTTPS"
    error_message = "the test listener must serve HTTPS on test_listener_port"
  }
  assert {
    condition     = [for rule in aws_vpc_security_group_ingress_rule.test_listener : rule.cidr_ipv4] == ["203.0.113.10/32"]
    error_message = "the test listener must be reachable only from test_listener_cidrs"
  }
}

run "rejects_open_targets_weak_tls_and_a_clashing_test_port" {
  command = plan

  variables {
    target_cidrs       = ["0.0.0.0/0"]
    ssl_policy         = "ELBSecurityPolicy-2016-08"
    test_listener_port = 443
  }
  expect_failures = [var.target_cidrs, var.ssl_policy, var.test_listener_port]
}
