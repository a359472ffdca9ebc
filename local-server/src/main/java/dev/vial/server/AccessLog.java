package dev.vial.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per answered request on logger {@code dev.vial.server.access}:
 * {@code GET /users/7?full=1 200 512B 3ms id=4f2a9c0d1e3b5a67} (method, raw path and query, status,
 * body bytes sent, milliseconds from the request reaching a worker to the last byte written, request id).
 * Turn it off by setting
 * that logger's level above INFO.
 */
final class AccessLog {

  private static final Logger log = LoggerFactory.getLogger("dev.vial.server.access");

  private AccessLog() {}

  static void record(String method, String rawPath, String rawQuery, int status, long bytes, long startNanos,
      String requestId) {
    if (!log.isInfoEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    StringBuilder line = new StringBuilder(64).append(method).append(' ').append(rawPath);
    if (rawQuery != null) {
      line.append('?').append(rawQuery);
    }
    line.append(' ').append(status).append(' ').append(bytes).append("B ").append(millis).append("ms id=")
        .append(requestId);
    log.info(line.toString());
  }
}
