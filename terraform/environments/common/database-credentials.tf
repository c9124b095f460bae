# The API reads the database credentials itself, from the secret RDS keeps and rotates for the master user
# (DB_SECRET_ID below is its ARN, not the password): it fetches the secret at new connections and again when a
# login fails, so a rotation never needs the task replaced (issue 14; README, db.secret.id). The task role,
# not the execution role, therefore reads it, and only it.
data "aws_iam_policy_document" "database_credentials" {
  statement {
    sid       = "ReadTheDatabaseCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [module.database.master_user_secret_arn]
  }

  # The secret is encrypted with the platform key; Secrets Manager decrypts it on the caller's behalf, with the
  # secret's ARN in the encryption context, so the grant covers this secret only.
  statement {
    sid       = "DecryptTheDatabaseCredentials"
    actions   = ["kms:Decrypt"]
    resources = [module.kms.key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:SecretARN"
      values   = [module.database.master_user_secret_arn]
    }
  }
}

resource "aws_iam_role_policy" "database_credentials" {
  name   = "read-database-credentials"
  role   = module.ecs_service.task_role_name
  policy = data.aws_iam_policy_document.database_credentials.json
}
