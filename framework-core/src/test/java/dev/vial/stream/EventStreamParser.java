package dev.vial.stream;

import java.util.ArrayList;
import java.util.List;

/** The WHATWG HTML event-stream interpretation, written from the spec, to check what a browser would see. */
final class EventStreamParser {

  /** A dispatched event: type ("message" by default), data, and the last event id at dispatch. */
  record Dispatched(String type, String data, String lastEventId) {}

  final List<Dispatched> events = new ArrayList<>();
  final List<String> comments = new ArrayList<>();
  Long retry;
  private String lastEventId = "";

  static EventStreamParser parse(String stream) {
    EventStreamParser parser = new EventStreamParser();
    StringBuilder data = new StringBuilder();
    String type = "";
    int i = 0;
    while (i < stream.length()) {
      int end = i;
      while (end < stream.length() && stream.charAt(end) != '\r' && stream.charAt(end) != '\n') {
        end++;
      }
      if (end == stream.length()) {
        break; // an unterminated last line is discarded
      }
      String line = stream.substring(i, end);
      i = end + (stream.charAt(end) == '\r' && end + 1 < stream.length() && stream.charAt(end + 1) == '\n' ? 2 : 1);
      if (line.isEmpty()) {
        if (data.length() > 0) {
          String value = data.substring(0, data.length() - 1);
          parser.events.add(new Dispatched(type.isEmpty() ? "message" : type, value, parser.lastEventId));
        }
        data.setLength(0);
        type = "";
        continue;
      }
      if (line.startsWith(":")) {
        parser.comments.add(line.substring(1));
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> type = value;
        case "data" -> data.append(value).append('\n');
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            parser.lastEventId = value;
          }
        }
        case "retry" -> {
          if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            parser.retry = Long.parseLong(value);
          }
        }
        default -> { }
      }
    }
    return parser;
  }
}
