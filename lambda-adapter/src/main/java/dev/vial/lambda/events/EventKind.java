package dev.vial.lambda.events;

/** The AWS services whose events a {@link ServiceEvents} table routes. */
public enum EventKind {
  /** Amazon SQS, via an event source mapping (batches, partial failures). */
  SQS,
  /** Amazon SNS, a topic subscription. */
  SNS,
  /** Amazon S3 event notifications. */
  S3,
  /** An EventBridge rule with a schedule expression ({@code Scheduled Event}). */
  SCHEDULE,
  /** An EventBridge Scheduler schedule ({@code source: aws.scheduler}). */
  SCHEDULER,
  /** Any other EventBridge event, matched by {@code source} and {@code detail-type}. */
  EVENTBRIDGE,
  /** DynamoDB Streams, via an event source mapping (batches, partial failures). */
  DYNAMODB,
  /** Kinesis Data Streams, via an event source mapping (batches, partial failures). */
  KINESIS,
  /** A CloudWatch Logs subscription filter. */
  CLOUDWATCH_LOGS
}
