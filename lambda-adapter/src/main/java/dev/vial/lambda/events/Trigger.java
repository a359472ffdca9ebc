package dev.vial.lambda.events;

/**
 * A read-only description of one registration in a {@link ServiceEvents} table: what AWS must be told
 * to send (tools generate a template's event sources from it). Fields that do not apply to the kind
 * are {@code null}.
 *
 * @param kind the service
 * @param name the queue, topic, bucket, rule, schedule, table, stream or log group name
 *     ({@code null} for {@link EventKind#EVENTBRIDGE})
 * @param prefix the S3 key prefix filter, or {@code null}
 * @param suffix the S3 key suffix filter, or {@code null}
 * @param expression the schedule expression ({@code rate(1 day)}, {@code cron(...)}) of a schedule
 * @param source the EventBridge {@code source} matched
 * @param detailType the EventBridge {@code detail-type} matched ({@code null}: any)
 * @param reportsBatchItemFailures whether the handler answers {@code batchItemFailures}, so the event
 *     source mapping needs {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 */
public record Trigger(EventKind kind, String name, String prefix, String suffix, String expression, String source,
    String detailType, boolean reportsBatchItemFailures) {

  /** What the trigger matches, for messages: {@code SQS queue orders}, {@code EventBridge shop / *}. */
  public String describe() {
    return switch (kind) {
      case SQS -> "SQS queue " + name;
      case SNS -> "SNS topic " + name;
      case S3 -> "S3 bucket " + name + (prefix == null ? "" : " prefix " + prefix) + (suffix == null ? "" : " suffix " + suffix);
      case SCHEDULE -> "schedule rule " + name;
      case SCHEDULER -> "Scheduler schedule " + name;
      case EVENTBRIDGE -> "EventBridge " + source + " / " + (detailType == null ? "*" : detailType);
      case DYNAMODB -> "DynamoDB table " + name;
      case KINESIS -> "Kinesis stream " + name;
      case CLOUDWATCH_LOGS -> "CloudWatch Logs group " + name;
    };
  }
}
