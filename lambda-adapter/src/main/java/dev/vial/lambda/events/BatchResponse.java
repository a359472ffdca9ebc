package dev.vial.lambda.events;

import java.util.List;

/**
 * A partial batch failure answer, written as AWS reads it:
 * {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}. AWS only reads it when the event source
 * mapping has {@code FunctionResponseTypes: [ReportBatchItemFailures]}; without that setting any answer
 * counts the whole batch as done.
 *
 * @param failedItems the identifiers of the records to retry: SQS {@code messageId}, Kinesis
 *     {@code sequenceNumber}, DynamoDB {@code SequenceNumber}
 */
public record BatchResponse(List<String> failedItems) {

  /** Freezes the list; identifiers must not be null or empty (AWS would then retry the whole batch). */
  public BatchResponse {
    failedItems = List.copyOf(failedItems);
    for (String id : failedItems) {
      if (id.isEmpty()) {
        throw new IllegalArgumentException("An item identifier must not be empty");
      }
    }
  }

  /** Every record done. */
  public static BatchResponse allDone() {
    return new BatchResponse(List.of());
  }
}
