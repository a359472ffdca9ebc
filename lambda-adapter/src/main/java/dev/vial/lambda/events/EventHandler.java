package dev.vial.lambda.events;

/**
 * Handles one event (a schedule tick, an EventBridge event, a CloudWatch Logs delivery) and returns the
 * invocation's answer: any value the app's mapper can write, or {@code null}. AWS ignores the answer of
 * these asynchronous invocations; {@code invoke} and tests show it. Throwing fails the invocation, so
 * AWS retries it or sends it to the dead-letter target.
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface EventHandler<T> {

  /** Handles {@code event} and returns the answer (or {@code null}). */
  Object handle(T event) throws Exception;
}
