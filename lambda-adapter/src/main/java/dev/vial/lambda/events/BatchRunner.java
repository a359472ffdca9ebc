package dev.vial.lambda.events;

import static dev.vial.lambda.events.JsonValues.object;
import static dev.vial.lambda.events.JsonValues.text;

import com.fasterxml.jackson.core.JsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a per-record handler over an SQS, Kinesis or DynamoDB Streams batch with Powertools' contract:
 * a record whose handler throws is reported in {@code batchItemFailures} and the others count as done;
 * in a FIFO batch the first failure stops the batch and every later message is reported unprocessed.
 */
final class BatchRunner {

  private static final Logger log = LoggerFactory.getLogger(ServiceEvents.class);

  private BatchRunner() {}

  @SuppressWarnings("unchecked")
  static byte[] run(ServiceDispatcher dispatcher, Registration registration, EventKind kind,
      List<Map<String, Object>> records, String requestId, JsonFactory factory, long start) {
    // Every identifier first: a record AWS cannot be told about must fail the whole batch, before any runs.
    List<String> ids = new ArrayList<>(records.size());
    boolean fifo = false;
    for (int i = 0; i < records.size(); i++) {
      String id = identifier(kind, records.get(i));
      if (id == null || id.isEmpty()) {
        throw new ServiceEventException(kind + " record " + i + " has no " + identifierField(kind)
            + ", so a failure could not be reported; the whole batch fails and AWS retries it");
      }
      ids.add(id);
      fifo |= kind == EventKind.SQS && text(object(records.get(i), "attributes"), "MessageGroupId") != null;
    }
    RecordHandler<Object> handler = (RecordHandler<Object>) registration.handler();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        handler.handle(dispatcher.read(kind, records.get(i)));
      } catch (Exception e) {
        log.error("{} record {} of {} failed (AWS request {}): {}", kind, ids.get(i),
            registration.trigger().describe(), requestId, e.toString(), e);
        failed.add(ids.get(i));
        if (fifo) {
          List<String> skipped = ids.subList(i + 1, ids.size());
          if (!skipped.isEmpty()) {
            log.warn("FIFO batch of {} stopped at message {}: {} later messages reported unprocessed (AWS request {})",
                registration.trigger().describe(), ids.get(i), skipped.size(), requestId);
          }
          failed.addAll(skipped);
          break;
        }
      }
    }
    dispatcher.accessLine(registration, records.size() + " records " + failed.size() + " failed", start);
    return BatchAnswers.write(factory, failed);
  }

  private static String identifier(EventKind kind, Map<String, Object> record) {
    return switch (kind) {
      case SQS -> text(record, "messageId");
      case KINESIS -> text(object(record, "kinesis"), "sequenceNumber");
      case DYNAMODB -> text(object(record, "dynamodb"), "SequenceNumber");
      default -> throw new IllegalStateException("not a batch source: " + kind);
    };
  }

  private static String identifierField(EventKind kind) {
    return switch (kind) {
      case SQS -> "messageId";
      case KINESIS -> "kinesis.sequenceNumber";
      default -> "dynamodb.SequenceNumber";
    };
  }
}
