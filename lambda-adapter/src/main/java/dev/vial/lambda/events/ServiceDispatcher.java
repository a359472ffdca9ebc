package dev.vial.lambda.events;

import static dev.vial.lambda.events.JsonValues.object;
import static dev.vial.lambda.events.JsonValues.text;

import com.fasterxml.jackson.core.JsonFactory;
import dev.vial.App;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service event from bytes to answer: tell the source, find the registration, run the handler by its
 * mode and write the answer. Built per invocation (it carries the request id and the app's binder).
 */
final class ServiceDispatcher {

  private static final Logger log = LoggerFactory.getLogger(ServiceEvents.class);
  private static final Logger accessLog = LoggerFactory.getLogger("dev.vial.lambda.access");

  private final List<Registration> registrations;
  private final FallbackHandler fallback;
  private final JsonFactory factory;
  private final App app;
  private final JsonBinder json;
  private final String requestId;

  ServiceDispatcher(List<Registration> registrations, FallbackHandler fallback, JsonFactory factory, App app,
      String requestId) {
    this.registrations = registrations;
    this.fallback = fallback;
    this.factory = factory;
    this.app = app;
    this.json = new JsonBinder(app);
    this.requestId = requestId;
  }

  byte[] answer(byte[] event) {
    long start = System.nanoTime();
    Map<String, Object> root = RecordReaders.parseObject(factory, event, "The event");
    if (root.get("Records") instanceof List<?> records) {
      return records(event, castRecords(records), start);
    }
    if (root.get("awslogs") instanceof Map<?, ?>) {
      return logs(event, object(root, "awslogs"), start);
    }
    if (text(root, "source") != null && text(root, "detail-type") != null) {
      return eventBridge(event, root, start);
    }
    List<String> keys = new ArrayList<>(root.keySet());
    return unmatched(event, "an event Vial does not know (top-level fields "
        + (keys.size() > 8 ? keys.subList(0, 8) + " and " + (keys.size() - 8) + " more" : keys) + ")");
  }

  // ---- Records: SQS, SNS, S3, DynamoDB, Kinesis

  private byte[] records(byte[] event, List<Map<String, Object>> records, long start) {
    if (records.isEmpty()) {
      accessLog.info("empty Records batch: nothing to do");
      return BatchAnswers.write(factory, List.of());
    }
    String source = sourceOf(records.get(0));
    for (int i = 1; i < records.size(); i++) {
      if (!source.equals(sourceOf(records.get(i)))) {
        throw new ServiceEventException("The batch mixes event sources: record 0 is from " + source + ", record " + i
            + " from " + sourceOf(records.get(i)));
      }
    }
    EventKind kind = switch (source) {
      case "aws:sqs" -> EventKind.SQS;
      case "aws:sns" -> EventKind.SNS;
      case "aws:s3" -> EventKind.S3;
      case "aws:dynamodb" -> EventKind.DYNAMODB;
      case "aws:kinesis" -> EventKind.KINESIS;
      default -> null;
    };
    if (kind == null) {
      return unmatched(event, "a Records event from " + source + " (" + records.size() + " records)");
    }
    String name = nameOf(kind, records.get(0));
    Registration registration = kind == EventKind.S3 ? s3Registration(records, name) : find(kind, name);
    String arrived = kind + " " + name + ", " + records.size() + (records.size() == 1 ? " record" : " records");
    if (registration == null) {
      return unmatched(event, arrived);
    }
    for (int i = 1; i < records.size(); i++) {
      String other = nameOf(kind, records.get(i));
      if (!name.equals(other)) {
        throw new ServiceEventException("The " + kind + " batch mixes sources: record 0 is from " + name + ", record "
            + i + " from " + other);
      }
    }
    return switch (registration.mode()) {
      case RECORD -> kind == EventKind.S3 || kind == EventKind.SNS
          ? eachOrFail(registration, kind, records, start)
          : BatchRunner.run(this, registration, kind, records, requestId, factory, start);
      case BATCH -> answer(registration, call(registration, typed(kind, records)), start);
      case EVENT -> throw new IllegalStateException("unreachable: record sources have no event handlers");
    };
  }

  private List<Object> typed(EventKind kind, List<Map<String, Object>> records) {
    List<Object> typed = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        typed.add(read(kind, records.get(i)));
      } catch (IllegalArgumentException e) {
        throw new ServiceEventException(kind + " record " + i + " cannot be read: " + e.getMessage(), e);
      }
    }
    return typed;
  }

  /** S3 and SNS: every record in turn; the first failure fails the invocation. */
  @SuppressWarnings("unchecked")
  private byte[] eachOrFail(Registration registration, EventKind kind, List<Map<String, Object>> records, long start) {
    List<Object> typed = typed(kind, records);
    RecordHandler<Object> handler = (RecordHandler<Object>) registration.handler();
    for (int i = 0; i < typed.size(); i++) {
      try {
        handler.handle(typed.get(i));
      } catch (Exception e) {
        log.error("{} record {} of {} failed (AWS request {}); the invocation fails", kind, i,
            registration.trigger().describe(), requestId, e);
        throw e instanceof RuntimeException runtime ? runtime
            : new ServiceEventException(kind + " handler for " + registration.trigger().describe() + " failed: " + e, e);
      }
    }
    accessLine(registration, typed.size() + " records", start);
    return "null".getBytes(StandardCharsets.US_ASCII);
  }

  Object read(EventKind kind, Map<String, Object> record) {
    return switch (kind) {
      case SQS -> RecordReaders.sqs(record, json);
      case SNS -> RecordReaders.snsRecord(record, json);
      case S3 -> RecordReaders.s3(record);
      case DYNAMODB -> RecordReaders.dynamodb(record);
      case KINESIS -> RecordReaders.kinesis(record, json);
      default -> throw new IllegalStateException("not a record source: " + kind);
    };
  }

  private Registration s3Registration(List<Map<String, Object>> records, String bucket) {
    Registration chosen = null;
    for (int i = 0; i < records.size(); i++) {
      String key;
      try {
        key = RecordReaders.s3(records.get(i)).key();
      } catch (IllegalArgumentException e) {
        throw new ServiceEventException("S3 record " + i + " cannot be read: " + e.getMessage(), e);
      }
      Registration match = null;
      for (Registration registration : registrations) {
        Trigger trigger = registration.trigger();
        if (trigger.kind() == EventKind.S3 && trigger.name().equals(bucket) && registration.acceptsKey(key)) {
          match = registration;
          break;
        }
      }
      if (match == null || (chosen != null && chosen != match)) {
        return null;
      }
      chosen = match;
    }
    return chosen;
  }

  private static String sourceOf(Map<String, Object> record) {
    String source = text(record, "eventSource");
    if (source == null) {
      source = text(record, "EventSource");
    }
    return source == null ? "an unknown source (no eventSource)" : source;
  }

  private static String nameOf(EventKind kind, Map<String, Object> record) {
    String name = switch (kind) {
      case SQS -> JsonValues.lastPart(text(record, "eventSourceARN"), ':');
      case SNS -> JsonValues.lastPart(text(object(record, "Sns"), "TopicArn"), ':');
      case S3 -> text(object(object(record, "s3"), "bucket"), "name");
      case DYNAMODB -> Arns.tableName(text(record, "eventSourceARN"));
      case KINESIS -> JsonValues.lastPart(text(record, "eventSourceARN"), '/');
      default -> null;
    };
    if (name == null || name.isEmpty()) {
      throw new ServiceEventException("The " + kind + " record has no " + switch (kind) {
        case SNS -> "Sns.TopicArn";
        case S3 -> "s3.bucket.name";
        default -> "usable eventSourceARN";
      });
    }
    return name;
  }

  // ---- CloudWatch Logs

  @SuppressWarnings("unchecked")
  private byte[] logs(byte[] event, Map<String, Object> awslogs, long start) {
    LogEvents delivery = RecordReaders.logs(awslogs, factory);
    if ("CONTROL_MESSAGE".equals(delivery.messageType())) {
      accessLog.info("CloudWatch Logs CONTROL_MESSAGE: acknowledged");
      return "null".getBytes(StandardCharsets.US_ASCII);
    }
    String group = delivery.logGroup() == null ? "" : delivery.logGroup();
    Registration registration = find(EventKind.CLOUDWATCH_LOGS, group);
    if (registration == null) {
      return unmatched(event, "CLOUDWATCH_LOGS " + group + ", " + delivery.events().size() + " log events");
    }
    return answer(registration, call(registration, delivery), start);
  }

  // ---- EventBridge: rules' schedules, Scheduler, custom and AWS events

  private byte[] eventBridge(byte[] event, Map<String, Object> root, long start) {
    String source = text(root, "source");
    String detailType = text(root, "detail-type");
    List<String> resources = RecordReaders.resources(root);
    String first = resources.isEmpty() ? null : resources.get(0);
    if (source.equals("aws.scheduler")) {
      String name = Arns.scheduleName(first);
      Registration registration = name == null ? null : find(EventKind.SCHEDULER, name);
      if (registration != null) {
        return answer(registration, call(registration, RecordReaders.scheduled(root, name, true)), start);
      }
    } else if (source.equals("aws.events") && detailType.equals("Scheduled Event")) {
      String name = Arns.ruleName(first);
      Registration registration = name == null ? null : find(EventKind.SCHEDULE, name);
      if (registration != null) {
        return answer(registration, call(registration, RecordReaders.scheduled(root, name, false)), start);
      }
    }
    Registration wildcard = null;
    for (Registration registration : registrations) {
      Trigger trigger = registration.trigger();
      if (trigger.kind() == EventKind.EVENTBRIDGE && trigger.source().equals(source)) {
        if (detailType.equals(trigger.detailType())) {
          return answer(registration, call(registration, RecordReaders.eventBridge(root, factory, json)), start);
        }
        if (trigger.detailType() == null && wildcard == null) {
          wildcard = registration;
        }
      }
    }
    if (wildcard != null) {
      return answer(wildcard, call(wildcard, RecordReaders.eventBridge(root, factory, json)), start);
    }
    String arrived = "EventBridge " + source + " / " + detailType;
    if (source.equals("aws.scheduler")) {
      arrived = "Scheduler schedule " + Arns.scheduleName(first) + " (" + arrived + ")";
    } else if (source.equals("aws.events") && detailType.equals("Scheduled Event")) {
      arrived = "schedule rule " + Arns.ruleName(first) + " (" + arrived + ")";
    }
    return unmatched(event, arrived);
  }

  // ---- shared

  private Registration find(EventKind kind, String name) {
    for (Registration registration : registrations) {
      if (registration.trigger().kind() == kind && registration.trigger().name().equals(name)) {
        return registration;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private Object call(Registration registration, Object argument) {
    try {
      return registration.mode() == Registration.Mode.BATCH
          ? ((BatchHandler<Object>) registration.handler()).handle((List<Object>) argument)
          : ((EventHandler<Object>) registration.handler()).handle(argument);
    } catch (RuntimeException e) {
      log.error("The handler for {} failed (AWS request {})", registration.trigger().describe(), requestId, e);
      throw e;
    } catch (Exception e) {
      log.error("The handler for {} failed (AWS request {})", registration.trigger().describe(), requestId, e);
      throw new ServiceEventException("The handler for " + registration.trigger().describe() + " failed: " + e, e);
    }
  }

  private byte[] answer(Registration registration, Object value, long start) {
    byte[] answer = writeAnswer(value);
    accessLine(registration, answer.length + " bytes", start);
    return answer;
  }

  private byte[] writeAnswer(Object value) {
    if (value == null) {
      return "null".getBytes(StandardCharsets.US_ASCII);
    }
    if (value instanceof BatchResponse batch) {
      return BatchAnswers.write(factory, batch.failedItems());
    }
    try {
      return app.writeJson(value);
    } catch (Exception e) {
      throw new ServiceEventException("The handler's answer cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private byte[] unmatched(byte[] event, String arrived) {
    if (fallback != null) {
      long start = System.nanoTime();
      String answer;
      try {
        answer = fallback.handle(new String(event, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        log.error("The fallback handler failed for {} (AWS request {})", arrived, requestId, e);
        throw e;
      } catch (Exception e) {
        log.error("The fallback handler failed for {} (AWS request {})", arrived, requestId, e);
        throw new ServiceEventException("The fallback handler failed for " + arrived + ": " + e, e);
      }
      byte[] bytes = (answer == null ? "null" : answer).getBytes(StandardCharsets.UTF_8);
      RecordReaders.requireJson(factory, bytes, "The fallback handler's answer");
      accessLog.info("fallback took {}: {} bytes {}ms", arrived, bytes.length, (System.nanoTime() - start) / 1_000_000);
      return bytes;
    }
    List<String> registered = new ArrayList<>();
    for (Registration registration : registrations) {
      registered.add(registration.trigger().describe());
    }
    String message = "No registration matches " + arrived + "; registered: "
        + (registered.isEmpty() ? "nothing" : String.join(", ", registered));
    accessLog.warn("rejected event: {}", message);
    throw new ServiceEventException(message);
  }

  void accessLine(Registration registration, String what, long start) {
    if (accessLog.isInfoEnabled()) {
      accessLog.info(registration.trigger().describe() + " " + what + " " + (System.nanoTime() - start) / 1_000_000 + "ms");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> castRecords(List<?> records) {
    for (int i = 0; i < records.size(); i++) {
      if (!(records.get(i) instanceof Map<?, ?>)) {
        throw new ServiceEventException("Records[" + i + "] is not an object");
      }
    }
    return (List<Map<String, Object>>) records;
  }
}
