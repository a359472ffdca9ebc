package dev.vial.lambda.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonFactory;
import dev.vial.App;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The table of service events a Lambda function answers beside its HTTP routes: SQS queues, SNS topics,
 * S3 buckets, EventBridge rules, schedules and Scheduler schedules, DynamoDB and Kinesis streams and
 * CloudWatch Logs subscriptions, registered the way routes are and served by the same
 * {@code LambdaHandler}:
 *
 * <pre>{@code
 * public final class ShopLambda extends LambdaHandler {
 *   public ShopLambda() { super(ShopApp.create(), ShopApp.events()); }
 * }
 * static ServiceEvents events() {
 *   return new ServiceEvents()
 *       .sqs("orders", msg -> orders.place(msg.json(Order.class)))
 *       .schedule("nightly-report", "rate(1 day)", ev -> reports.send())
 *       .s3("uploads", rec -> thumbnails.make(rec.bucket(), rec.key()));
 * }
 * }</pre>
 *
 * <p>The table is immutable: every registration method returns a new table, so chain them (a call whose
 * result is dropped registers nothing). Matching: SQS by queue name, SNS by topic name, S3 by bucket (and
 * optional key prefix/suffix), a rule's {@code Scheduled Event} by rule name, a Scheduler event by schedule
 * name, other EventBridge events by {@code source} and {@code detail-type}, DynamoDB by table, Kinesis by
 * stream, CloudWatch Logs by log group. An event that matches nothing fails the invocation with a
 * {@link ServiceEventException} naming what arrived and what is registered, unless a {@link #fallback}
 * takes it.
 *
 * <p>Batches (SQS, Kinesis, DynamoDB Streams) with a per-record handler answer
 * {@code {"batchItemFailures":[...]}}: a record whose handler throws is reported (SQS {@code messageId},
 * Kinesis {@code sequenceNumber}, DynamoDB {@code SequenceNumber}) and the others count as done; a FIFO
 * batch (its messages carry {@code MessageGroupId}) stops at the first failure and reports every message
 * from there on. AWS only reads that answer when the event source mapping sets
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}. S3 and SNS handlers run per record and a
 * failure fails the invocation (AWS retries asynchronous invocations).
 */
public final class ServiceEvents {

  private final List<Registration> registrations;
  private final FallbackHandler fallback;
  private final JsonFactory jsonFactory = new JsonFactory();

  /** An empty table. */
  public ServiceEvents() {
    this(List.of(), null);
  }

  private ServiceEvents(List<Registration> registrations, FallbackHandler fallback) {
    this.registrations = registrations;
    this.fallback = fallback;
  }

  /** Handles each message of queue {@code queue} (its name, the last part of the ARN); answers the batch response. */
  public ServiceEvents sqs(String queue, RecordHandler<SqsMessage> handler) {
    return add(named(EventKind.SQS, queue, true), Registration.Mode.RECORD, handler);
  }

  /** Handles each batch of queue {@code queue} as a whole; the handler's value is the answer. */
  public ServiceEvents sqsBatch(String queue, BatchHandler<SqsMessage> handler) {
    return add(named(EventKind.SQS, queue, true), Registration.Mode.BATCH, handler);
  }

  /** Handles each notification of topic {@code topic}. */
  public ServiceEvents sns(String topic, RecordHandler<SnsMessage> handler) {
    return add(named(EventKind.SNS, topic, false), Registration.Mode.RECORD, handler);
  }

  /** Handles the notifications of topic {@code topic} as a whole; the handler's value is the answer. */
  public ServiceEvents snsBatch(String topic, BatchHandler<SnsMessage> handler) {
    return add(named(EventKind.SNS, topic, false), Registration.Mode.BATCH, handler);
  }

  /** Handles each S3 event notification record of bucket {@code bucket}. */
  public ServiceEvents s3(String bucket, RecordHandler<S3Record> handler) {
    return s3(bucket, null, null, handler);
  }

  /**
   * Handles each S3 record of {@code bucket} whose decoded key starts with {@code prefix} and ends with
   * {@code suffix} (either may be {@code null}).
   */
  public ServiceEvents s3(String bucket, String prefix, String suffix, RecordHandler<S3Record> handler) {
    return add(s3Trigger(bucket, prefix, suffix), Registration.Mode.RECORD, handler);
  }

  /** Handles the S3 records of {@code bucket} as a whole; the handler's value is the answer. */
  public ServiceEvents s3Batch(String bucket, BatchHandler<S3Record> handler) {
    return add(s3Trigger(bucket, null, null), Registration.Mode.BATCH, handler);
  }

  /**
   * Handles the EventBridge rule {@code rule}'s {@code Scheduled Event}s.
   *
   * @param rule the rule name (the template must give the rule this name)
   * @param expression {@code rate(...)} or {@code cron(...)}, for the template
   */
  public ServiceEvents schedule(String rule, String expression, EventHandler<ScheduledEvent> handler) {
    return add(scheduleTrigger(EventKind.SCHEDULE, rule, expression), Registration.Mode.EVENT, handler);
  }

  /**
   * Handles the EventBridge Scheduler schedule {@code schedule}'s invocations.
   *
   * @param schedule the schedule name
   * @param expression {@code rate(...)}, {@code cron(...)} or {@code at(...)}, for the template
   */
  public ServiceEvents scheduler(String schedule, String expression, EventHandler<ScheduledEvent> handler) {
    return add(scheduleTrigger(EventKind.SCHEDULER, schedule, expression), Registration.Mode.EVENT, handler);
  }

  /** Handles EventBridge events with this {@code source} and {@code detail-type}. */
  public ServiceEvents eventBridge(String source, String detailType, EventHandler<EventBridgeEvent> handler) {
    requireName("detail-type", detailType);
    return add(new Trigger(EventKind.EVENTBRIDGE, null, null, null, null, requireName("source", source), detailType,
        false), Registration.Mode.EVENT, handler);
  }

  /** Handles EventBridge events with this {@code source} and any {@code detail-type}. */
  public ServiceEvents eventBridge(String source, EventHandler<EventBridgeEvent> handler) {
    return add(new Trigger(EventKind.EVENTBRIDGE, null, null, null, null, requireName("source", source), null, false),
        Registration.Mode.EVENT, handler);
  }

  /** Handles each DynamoDB Streams record of table {@code table}; answers the batch response. */
  public ServiceEvents dynamodb(String table, RecordHandler<DynamoDbRecord> handler) {
    return add(named(EventKind.DYNAMODB, table, true), Registration.Mode.RECORD, handler);
  }

  /** Handles each DynamoDB Streams batch of table {@code table} as a whole; the handler's value is the answer. */
  public ServiceEvents dynamodbBatch(String table, BatchHandler<DynamoDbRecord> handler) {
    return add(named(EventKind.DYNAMODB, table, true), Registration.Mode.BATCH, handler);
  }

  /** Handles each record of Kinesis stream {@code stream}; answers the batch response. */
  public ServiceEvents kinesis(String stream, RecordHandler<KinesisRecord> handler) {
    return add(named(EventKind.KINESIS, stream, true), Registration.Mode.RECORD, handler);
  }

  /** Handles each batch of Kinesis stream {@code stream} as a whole; the handler's value is the answer. */
  public ServiceEvents kinesisBatch(String stream, BatchHandler<KinesisRecord> handler) {
    return add(named(EventKind.KINESIS, stream, true), Registration.Mode.BATCH, handler);
  }

  /** Handles each CloudWatch Logs subscription delivery of log group {@code logGroup}. */
  public ServiceEvents logs(String logGroup, EventHandler<LogEvents> handler) {
    return add(named(EventKind.CLOUDWATCH_LOGS, logGroup, false), Registration.Mode.EVENT, handler);
  }

  /**
   * Takes every non-HTTP event nothing else matched (Cognito triggers, SES, ...), raw JSON in and out.
   * API Gateway WebSocket events are refused all the same.
   */
  public ServiceEvents fallback(FallbackHandler handler) {
    if (fallback != null) {
      throw new IllegalArgumentException("A fallback handler is already registered");
    }
    return new ServiceEvents(registrations, Objects.requireNonNull(handler, "handler"));
  }

  /** What is registered, in registration order (the fallback is not listed). */
  public List<Trigger> triggers() {
    return registrations.stream().map(Registration::trigger).toList();
  }

  /** Whether a fallback handler takes unmatched events. */
  public boolean hasFallback() {
    return fallback != null;
  }

  /**
   * Answers one non-HTTP event as a {@code LambdaHandler} built with this table does: the JSON Lambda
   * returns. Values are bound with {@code app}'s mapper; {@code context} (may be {@code null}) gives the
   * AWS request id for the log.
   *
   * @throws ServiceEventException when the event matches nothing, is malformed, or a handler fails with a
   *     checked exception; a handler's unchecked exception propagates as it is
   */
  public byte[] answer(byte[] event, App app, Context context) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(app, "app");
    return new ServiceDispatcher(registrations, fallback, jsonFactory, app,
        context == null ? null : context.getAwsRequestId()).answer(event);
  }

  private ServiceEvents add(Trigger trigger, Registration.Mode mode, Object handler) {
    Objects.requireNonNull(handler, "handler");
    for (Registration existing : registrations) {
      Trigger other = existing.trigger();
      if (other.kind() == trigger.kind() && Objects.equals(other.name(), trigger.name())
          && Objects.equals(other.prefix(), trigger.prefix()) && Objects.equals(other.suffix(), trigger.suffix())
          && Objects.equals(other.source(), trigger.source()) && Objects.equals(other.detailType(), trigger.detailType())) {
        throw new IllegalArgumentException(trigger.describe() + " is already registered");
      }
    }
    List<Registration> more = new ArrayList<>(registrations);
    more.add(new Registration(trigger, mode, handler));
    return new ServiceEvents(List.copyOf(more), fallback);
  }

  private static Trigger named(EventKind kind, String name, boolean batchItemFailures) {
    return new Trigger(kind, requireName(kind + " name", name), null, null, null, null, null, batchItemFailures);
  }

  private static Trigger s3Trigger(String bucket, String prefix, String suffix) {
    return new Trigger(EventKind.S3, requireName("bucket", bucket), emptyToNull(prefix), emptyToNull(suffix), null,
        null, null, false);
  }

  private static Trigger scheduleTrigger(EventKind kind, String name, String expression) {
    requireName("schedule expression", expression);
    if (!(expression.startsWith("rate(") || expression.startsWith("cron(") || expression.startsWith("at("))
        || !expression.endsWith(")")) {
      throw new IllegalArgumentException("Schedule expression '" + expression
          + "' must be rate(...), cron(...) or at(...), e.g. \"rate(1 day)\"");
    }
    return new Trigger(kind, requireName("schedule name", name), null, null, expression, null, null, false);
  }

  private static String requireName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The " + what + " must not be null or blank");
    }
    return name;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
