package dev.vial.server;

import com.sun.net.httpserver.HttpExchange;
import dev.vial.Headers;
import dev.vial.Response;
import dev.vial.stream.StreamWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends a streaming {@link Response} on a JDK exchange: chunked transfer encoding, each flush of the body one
 * chunk on the socket at once. A body that fails before its first byte is answered with the app's error
 * response instead ({@code whole}); one that fails after throws {@link dev.vial.stream.StreamAbortedException}
 * and the caller cuts the connection without the last chunk.
 */
final class LiveStream implements StreamWriter.Exchange {

  /** Sends a response with a byte body the ordinary way. */
  interface WholeWriter {
    long write(Response answer) throws IOException;
  }

  private final HttpExchange exchange;
  private final WholeWriter whole;
  private long wholeBytes = -1;

  private LiveStream(HttpExchange exchange, WholeWriter whole) {
    this.exchange = exchange;
    this.whole = whole;
  }

  /** Streams {@code response}; returns the body bytes sent (of the error answer, when that replaced it). */
  static long send(HttpExchange exchange, Response response, WholeWriter whole) throws IOException {
    int status = response.status();
    if (status < 200 || status == 204 || status == 304) {
      return whole.write(response.withoutBody()); // statuses that carry no body: run nothing
    }
    LiveStream stream = new LiveStream(exchange, whole);
    long sent = StreamWriter.write(response, stream);
    return sent >= 0 ? sent : stream.wholeBytes;
  }

  @Override
  public OutputStream begin(Response head) throws IOException {
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    Headers fields = head.headers();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.name(i);
      if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
        continue; // the length is unknown: the JDK frames the body with chunked encoding
      }
      if (fields.repeatsEarlierName(i)) {
        out.add(name, fields.value(i));
      } else {
        out.set(name, fields.value(i));
      }
    }
    exchange.sendResponseHeaders(head.status(), 0);
    return exchange.getResponseBody();
  }

  @Override
  public void sendWhole(Response answer) throws IOException {
    // nothing was sent yet: the error answer brings its own headers; only the request id stays
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    String requestId = out.getFirst(RequestIds.HEADER);
    out.clear();
    if (requestId != null) {
      out.set(RequestIds.HEADER, requestId);
    }
    wholeBytes = whole.write(answer);
  }
}
