package dev.vial.lambda.events;

import java.util.List;

/**
 * One CloudWatch Logs subscription delivery, gunzipped.
 *
 * @param messageType {@code DATA_MESSAGE} ({@code CONTROL_MESSAGE} reachability checks never reach a handler)
 * @param owner the account that owns the log group
 * @param logGroup the log group name
 * @param logStream the log stream name
 * @param subscriptionFilters the names of the filters that matched
 * @param events the log events, in order
 */
public record LogEvents(String messageType, String owner, String logGroup, String logStream,
    List<String> subscriptionFilters, List<LogEvent> events) {

  /**
   * One log event.
   *
   * @param id the event id
   * @param timestamp epoch milliseconds
   * @param message the log line
   */
  public record LogEvent(String id, long timestamp, String message) {}
}
