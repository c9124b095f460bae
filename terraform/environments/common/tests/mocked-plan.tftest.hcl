# The whole environment planned against the mocked provider (terraform/tests/mocks/aws): no AWS
# account needed. EnvironmentPlanTest runs this with the environment's terraform.tfvars.example and
# asserts on the plan it prints (terraform test -json -verbose). prod/tests and staging/tests link here.
mock_provider "aws" {
  source = "../../tests/mocks/aws"
}

run "plan" {
  command = plan

  assert {
    condition     = output.alb_url == "https://${var.domain_name}"
    error_message = "the API is served on the environment's domain"
  }
}
