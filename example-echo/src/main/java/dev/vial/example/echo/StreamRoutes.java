package dev.vial.example.echo;

import dev.vial.Blueprint;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.stream.Sse;
import dev.vial.stream.SseEvent;
import java.nio.charset.StandardCharsets;

/**
 * Streamed answers, written while they are produced:
 * <ul>
 *   <li>{@code GET /stream?chunks=N&delayMs=D}: {@code text/plain; charset=utf-8}, N lines {@code chunk i\n}
 *       (i from 1), each written and flushed D ms after the previous one (the first at once);
 *   <li>{@code GET /sse?events=N&delayMs=D}: Server-Sent Events, N events {@code id: i}, {@code event: tick},
 *       {@code data: {"i":i}}, D ms apart (the first at once), then the stream ends.
 * </ul>
 * N from 0 to {@value #MAX_COUNT} (required), D from 0 to {@value #MAX_DELAY_MS} (default 0); anything else is 400.
 */
final class StreamRoutes {

  static final int MAX_COUNT = 100;
  static final int MAX_DELAY_MS = 1000;

  private StreamRoutes() {}

  /** {@code GET /stream} and {@code GET /sse}. */
  static Blueprint blueprint() {
    return new Blueprint("")
        .get("/stream", StreamRoutes::chunks)
        .get("/sse", StreamRoutes::events);
  }

  private static Response chunks(Request req) {
    int chunks = number(req, "chunks", MAX_COUNT, null);
    int delayMs = number(req, "delayMs", MAX_DELAY_MS, 0);
    return Responses.stream("text/plain; charset=utf-8", out -> {
      for (int i = 1; i <= chunks; i++) {
        if (i > 1) {
          Thread.sleep(delayMs);
        }
        out.write(("chunk " + i + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    });
  }

  private static Response events(Request req) {
    int events = number(req, "events", MAX_COUNT, null);
    int delayMs = number(req, "delayMs", MAX_DELAY_MS, 0);
    return Sse.response(sse -> {
      for (int i = 1; i <= events; i++) {
        if (i > 1) {
          Thread.sleep(delayMs);
        }
        sse.send(SseEvent.data("{\"i\":" + i + "}").withId(Integer.toString(i)).withEvent("tick"));
      }
    });
  }

  private static int number(Request req, String name, int max, Integer fallback) {
    String text = req.query(name);
    if (text == null && fallback != null) {
      return fallback;
    }
    int value;
    try {
      value = text == null || text.length() > 9 ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 0 || value > max) {
      throw new HttpException(400, "Query parameter '" + name + "' must be a whole number from 0 to " + max
          + ", got " + (text == null ? "none" : "'" + text + "'"));
    }
    return value;
  }
}
