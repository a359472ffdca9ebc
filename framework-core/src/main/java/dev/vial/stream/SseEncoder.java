package dev.vial.stream;

import java.nio.charset.StandardCharsets;

/**
 * Writes events and comments in the {@code text/event-stream} format (WHATWG HTML, "Server-sent events"),
 * UTF-8. Every data line is written as {@code data: } plus the line: the parser drops exactly one space after
 * the colon, so a line that starts with a space keeps it.
 */
final class SseEncoder {

  private SseEncoder() {}

  /** The bytes of one event, its blank line included. */
  static byte[] event(SseEvent event) {
    StringBuilder out = new StringBuilder(event.data().length() + 32);
    if (event.id() != null) {
      out.append("id: ").append(event.id()).append('\n');
    }
    if (event.event() != null) {
      out.append("event: ").append(event.event()).append('\n');
    }
    if (event.retry() != null) {
      out.append("retry: ").append(event.retry().toMillis()).append('\n');
    }
    String data = event.data();
    int start = 0;
    int length = data.length();
    for (int i = 0; i < length; i++) {
      char c = data.charAt(i);
      if (c == '\r' || c == '\n') {
        out.append("data: ").append(data, start, i).append('\n');
        if (c == '\r' && i + 1 < length && data.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.append("data: ").append(data, start, length).append("\n\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A comment line, which clients ignore (a heartbeat keeps proxies from closing an idle stream). */
  static byte[] comment(String text) {
    if (SseEvent.containsAny(text, "\r\n")) {
      throw new IllegalArgumentException("SSE comment must not contain CR or LF");
    }
    return (":" + (text.isEmpty() ? "" : " " + text) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
