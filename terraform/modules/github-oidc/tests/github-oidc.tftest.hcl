# The push role trusts exactly one subject (main of one repository, audience sts.amazonaws.com,
# StringEquals only) and may push to one repository; and the inputs it refuses.
#
# The policies are what this module promises, so they are computed by the real provider (the
# aws_iam_policy_document data source is local: a plan needs no AWS account or network).
provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

variables {
  github_repository  = "example-org/antigravity"
  role_name          = "antigravity-prod-github-push"
  ecr_repository_arn = "arn:aws:ecr:eu-west-1:111111111111:repository/antigravity/api"
  kms_key_arn        = "arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

run "trusts_only_the_main_branch_of_one_repository" {
  command = plan

  # The new provider's ARN is known only after apply; the trust policy is checked with a stand-in.
  override_resource {
    target          = aws_iam_openid_connect_provider.github
    override_during = plan
    values = {
      arn = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
    }
  }

  assert {
    condition = jsondecode(data.aws_iam_policy_document.trust.json).Statement[0].Condition == {
      StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:example-org/antigravity:ref:refs/heads/main"
      }
    }
    error_message = "the trust policy must admit exactly repo:example-org/antigravity:ref:refs/heads/main with StringEquals"
  }
  assert {
    condition     = jsondecode(data.aws_iam_policy_document.trust.json).Statement[0].Action == "sts:AssumeRoleWithWebIdentity"
    error_message = "the role must be assumable only through web identity federation"
  }
  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 1 && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "the OIDC provider must be created for audience sts.amazonaws.com"
  }
}

run "may_push_to_one_repository_only" {
  command = plan

  assert {
    condition = [for statement in jsondecode(data.aws_iam_policy_document.push.json).Statement : statement.Resource] == [
      "*", var.ecr_repository_arn, var.kms_key_arn,
    ]
    error_message = "only ecr:GetAuthorizationToken may use Resource *; pushes are limited to the one repository"
  }
  assert {
    condition     = !anytrue([for statement in jsondecode(data.aws_iam_policy_document.push.json).Statement : anytrue([for action in flatten([statement.Action]) : strcontains(action, "Delete") || strcontains(action, "*")])])
    error_message = "the role must not delete images or use wildcard actions"
  }
}

run "reuses_an_existing_oidc_provider" {
  command = plan

  variables {
    create_oidc_provider       = false
    existing_oidc_provider_arn = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
  }

  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0
    error_message = "no second OIDC provider may be created"
  }
  assert {
    condition     = jsondecode(data.aws_iam_policy_document.trust.json).Statement[0].Principal.Federated == var.existing_oidc_provider_arn
    error_message = "the role must trust the existing provider"
  }
}

run "rejects_a_wildcard_branch_and_a_bare_repository_name" {
  command = plan

  variables {
    github_repository = "antigravity"
    branch            = "release/*"
  }
  expect_failures = [var.github_repository, var.branch]
}

run "refuses_to_run_without_any_oidc_provider" {
  command = plan

  variables {
    create_oidc_provider = false
  }
  expect_failures = [var.existing_oidc_provider_arn]
}
