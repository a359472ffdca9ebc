package dev.vial.stream;

import java.time.Duration;

/**
 * One Server-Sent Event, immutable: {@code SseEvent.data("hello").withId("7").withEvent("tick")}.
 * Fields are checked when set so that nothing can inject another field or event (WHATWG HTML, "Server-sent
 * events"): {@code id} must not contain CR, LF or NUL, {@code event} not CR or LF. {@code data} may hold any
 * text; each of its lines (split on CR LF, CR or LF) becomes one {@code data:} line, and the browser joins them
 * with LF again. Empty data still dispatches an event.
 *
 * @param data the data, never {@code null} (may be empty)
 * @param id the event id (sets the client's last event id), or {@code null}
 * @param event the event type ({@code message} on the client when {@code null}), or {@code null}
 * @param retry the reconnection time to ask of the client, or {@code null}
 */
public record SseEvent(String data, String id, String event, Duration retry) {

  /** Checks the fields. */
  public SseEvent {
    if (data == null) {
      throw new IllegalArgumentException("SSE data must not be null (use \"\" for an event without data)");
    }
    if (id != null && containsAny(id, "\r\n\0")) {
      throw new IllegalArgumentException("SSE id must not contain CR, LF or NUL");
    }
    if (event != null && containsAny(event, "\r\n")) {
      throw new IllegalArgumentException("SSE event type must not contain CR or LF");
    }
    if (retry != null && (retry.isNegative() || retry.toMillis() > 86_400_000L * 365)) {
      throw new IllegalArgumentException("SSE retry must be between 0 and a year, got " + retry);
    }
  }

  /** An event with this data and no other field. */
  public static SseEvent data(String data) {
    return new SseEvent(data, null, null, null);
  }

  /** A copy with this id. */
  public SseEvent withId(String id) {
    return new SseEvent(data, id, event, retry);
  }

  /** A copy with this event type. */
  public SseEvent withEvent(String event) {
    return new SseEvent(data, id, event, retry);
  }

  /** A copy asking the client to wait {@code retry} before reconnecting. */
  public SseEvent withRetry(Duration retry) {
    return new SseEvent(data, id, event, retry);
  }

  static boolean containsAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
