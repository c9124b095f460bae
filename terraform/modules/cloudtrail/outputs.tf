output "trail_arn" {
  description = "ARN of the trail."
  value       = aws_cloudtrail.this.arn
}

output "bucket_name" {
  description = "Bucket receiving the log files and the digest files (AWSLogs/<account>/CloudTrail and CloudTrail-Digest)."
  value       = aws_s3_bucket.trail.id
}
