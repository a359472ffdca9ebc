package dev.vial.lambda.events;

import java.util.List;

/**
 * Handles a whole batch at once and chooses the answer: a {@link BatchResponse} for partial failures,
 * any value the app's mapper can write, or {@code null}. Throwing fails the whole invocation.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface BatchHandler<T> {

  /** Handles {@code records} (in the order AWS sent them) and returns the invocation's answer. */
  Object handle(List<T> records) throws Exception;
}
