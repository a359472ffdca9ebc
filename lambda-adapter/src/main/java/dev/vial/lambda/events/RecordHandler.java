package dev.vial.lambda.events;

/**
 * Handles one record of a batch (an SQS message, a stream record, an S3 or SNS record). Throwing marks
 * that record as failed; see {@link ServiceEvents} for what each source does with failures.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RecordHandler<T> {

  /** Handles {@code record}. */
  void handle(T record) throws Exception;
}
