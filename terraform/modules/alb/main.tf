data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_elb_service_account" "current" {}

locals {
  account_id  = data.aws_caller_identity.current.account_id
  logs_prefix = "alb/${var.name}"
}

# --- Security group: the internet reaches the listeners; the ALB reaches only the targets' port.

resource "aws_security_group" "alb" {
  name_prefix = "${var.name}-alb-"
  description = "${var.name} load balancer: HTTPS (and the HTTP redirect) in, the container port out"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-alb" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  for_each = toset(var.ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from clients"
  cidr_ipv4         = each.value
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  tags              = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "http_redirect" {
  #checkov:skip=CKV_AWS_260:Port 80 only answers a 301 to HTTPS; no request is forwarded in clear text.
  for_each = toset(var.ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTP from clients, redirected to HTTPS"
  cidr_ipv4         = each.value
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  tags              = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "test_listener" {
  # Keyed by position: the NAT addresses passed in are only known after apply.
  for_each = var.enable_blue_green ? { for index, cidr in var.test_listener_cidrs : tostring(index) => cidr } : {}

  security_group_id = aws_security_group.alb.id
  description       = "Blue/green test listener, from operators and the smoke-test hook only"
  cidr_ipv4         = each.value
  from_port         = var.test_listener_port
  to_port           = var.test_listener_port
  ip_protocol       = "tcp"
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "targets" {
  for_each = toset(var.target_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "To the tasks on the container port"
  cidr_ipv4         = each.value
  from_port         = var.container_port
  to_port           = var.container_port
  ip_protocol       = "tcp"
  tags              = var.tags
}

# --- The load balancer.

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = var.idle_timeout_seconds

  access_logs {
    enabled = true
    bucket  = aws_s3_bucket.access_logs.id
    prefix  = local.logs_prefix
  }

  tags = var.tags

  depends_on = [aws_s3_bucket_policy.access_logs]
}

# "primary" serves production traffic; "alternate" is the second target group that ECS native
# blue/green deployments shift traffic to.
resource "aws_lb_target_group" "this" {
  #checkov:skip=CKV_AWS_378:TLS ends at the load balancer; tasks listen on plain HTTP inside private subnets that only this load balancer may reach.
  for_each = toset(var.enable_blue_green ? ["primary", "alternate"] : ["primary"])

  name_prefix          = substr(var.name, 0, 6)
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = var.deregistration_delay_seconds
  # A task that just started is CPU-bound (JIT, class loading) on 0.5 vCPU; ramping its share of
  # traffic keeps it from answering its first burst with concurrency-limit 503s (bench finding 4).
  slow_start = var.slow_start_seconds

  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  tags = var.tags
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  # Traffic is forwarded by the listener rule below, which ECS blue/green deployments re-weight.
  # ALB fixed responses allow only five content types (not application/problem+json): the body is
  # still an RFC 9457 problem document, labelled as plain JSON.
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "application/json"
      message_body = jsonencode({ type = "about:blank", title = "Not Found", status = 404 })
      status_code  = "404"
    }
  }

  tags = var.tags
}

resource "aws_lb_listener_rule" "production" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 100

  action {
    type = "forward"
    forward {
      target_group {
        arn    = aws_lb_target_group.this["primary"].arn
        weight = 100
      }
      dynamic "target_group" {
        for_each = var.enable_blue_green ? [aws_lb_target_group.this["alternate"].arn] : []
        content {
          arn    = target_group.value
          weight = 0
        }
      }
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }

  tags = var.tags

  lifecycle {
    # ECS shifts the weights during a blue/green deployment; Terraform must not shift them back.
    ignore_changes = [action]
  }
}

resource "aws_lb_listener" "test" {
  count = var.enable_blue_green ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = var.test_listener_port
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "Not Found"
      status_code  = "404"
    }
  }

  tags = var.tags
}

resource "aws_lb_listener_rule" "test" {
  count = var.enable_blue_green ? 1 : 0

  listener_arn = aws_lb_listener.test[0].arn
  priority     = 100

  action {
    type = "forward"
    forward {
      target_group {
        arn    = aws_lb_target_group.this["alternate"].arn
        weight = 100
      }
      target_group {
        arn    = aws_lb_target_group.this["primary"].arn
        weight = 0
      }
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [action]
  }
}
