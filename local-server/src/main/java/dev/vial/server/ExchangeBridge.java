package dev.vial.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.stream.StreamAbortedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Translates one JDK {@link HttpExchange} into a Vial {@link Request}, asks the {@link App}, and
 * writes the {@link Response} back.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>The path is the raw path of the request target ({@code getRawPath()}), so {@code %2F} stays
 *       distinct from {@code /}; a target starting with {@code //} keeps its leading segment.
 *   <li>Only {@code HTTP/1.1} and {@code HTTP/1.0} are served; any other version string (the JDK
 *       accepts anything) is answered 505 and the connection closed.
 *   <li>A request head over {@link ServerOptions#maxHeaderBytes()} is answered 431; a body over
 *       {@link ServerOptions#maxBodyBytes()} is answered 413 without reading it when its
 *       {@code Content-Length} says so, or as soon as a chunked body crosses the limit. These answers
 *       carry {@code Connection: close} and go through {@link App#reject}, so the app's error handlers apply.
 *   <li>A request whose framing parsers could disagree on ({@link RequestFraming}) is answered 400
 *       and the connection closed, before its body is read.
 *   <li>Framing is the server's: the app's {@code Content-Length} is replaced by the real body length
 *       (kept for {@code HEAD} and 304, which have no body), dropped for 1xx and 204, and its
 *       {@code Transfer-Encoding} is dropped.
 *   <li>Every request has an id ({@link RequestIds}): in the MDC while the app runs, in the access
 *       line, and sent back as {@code X-Request-Id}.
 *   <li>A client that goes away, or a connection the JDK closes on a timeout, costs one DEBUG line
 *       and frees the worker; nothing is thrown back into the JDK.
 *   <li>A streaming response ({@link Response#isStreaming()}) goes out chunked, each flush at once
 *       ({@link LiveStream}); one whose body fails after its first byte is logged and its connection cut
 *       without the last chunk (by throwing into the JDK, which then closes it), so the client sees an error.
 * </ul>
 *
 * <p>Header names arrive as the JDK normalizes them ({@code Content-type}: first letter upper case,
 * the rest lower case) and in no particular order between names; Vial's headers are case-insensitive.
 */
final class ExchangeBridge implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(ExchangeBridge.class);
  private static final byte[] NO_BODY = new byte[0];
  /** The JDK counts this much per header field on top of name and value (as HTTP/2's header list size does). */
  private static final int FIELD_OVERHEAD = 32;

  private final App app;
  private final int maxBodyBytes;
  private final int maxHeaderBytes;
  private final InFlight inFlight;

  ExchangeBridge(App app, ServerOptions options, InFlight inFlight) {
    this.app = app;
    this.maxBodyBytes = options.maxBodyBytes();
    this.maxHeaderBytes = options.maxHeaderBytes();
    this.inFlight = inFlight;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    inFlight.begin();
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String rawPath = rawPath(uri);
    String rawQuery = uri.getRawQuery();
    String requestId = RequestIds.of(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
    MDC.put(RequestIds.MDC_KEY, requestId);
    StreamAbortedException cut = null;
    try {
      Response response = answer(exchange, method, uri, rawPath, rawQuery);
      exchange.getResponseHeaders().set(RequestIds.HEADER, requestId); // the app's own X-Request-Id wins
      long sent = write(exchange, method, response);
      AccessLog.record(method, rawPath, rawQuery, response.status(), sent, start, requestId);
    } catch (StreamAbortedException e) {
      log.error("Streamed response to {} {} failed after its first byte; cutting the connection", method, rawPath,
          e.getCause());
      cut = e;
    } catch (IOException e) {
      log.debug("Connection lost during {} {}: {}", method, rawPath, e.toString());
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
      if (cut == null) {
        closeQuietly(exchange); // closing ends a chunked body cleanly, which a cut stream must not get
      }
      inFlight.end();
    }
    if (cut != null) {
      throw new java.io.UncheckedIOException(cut);
    }
  }

  private Response answer(HttpExchange exchange, String method, URI uri, String rawPath, String rawQuery)
      throws IOException {
    String version = exchange.getProtocol();
    Headers.Builder fields = Headers.builder();
    long headSize = method.length() + uri.toString().length() + version.length() + 2 + FIELD_OVERHEAD;
    for (Map.Entry<String, List<String>> field : exchange.getRequestHeaders().entrySet()) {
      String name = field.getKey();
      for (String value : field.getValue()) {
        fields.add(name, value);
        headSize += name.length() + value.length() + FIELD_OVERHEAD;
      }
    }
    Request.Builder request = Request.builder(method, rawPath)
        .rawQuery(rawQuery)
        .headers(fields.build())
        .remoteAddress(remoteAddress(exchange));
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      return refuse(request, 505, "HTTP version '" + printable(version)
          + "' is not supported; use HTTP/1.1 or HTTP/1.0");
    }
    if (headSize > maxHeaderBytes) {
      return refuse(request, 431, "Request header fields are larger than the limit of " + maxHeaderBytes + " bytes");
    }
    String badFraming = RequestFraming.problem(exchange.getRequestHeaders());
    if (badFraming != null) {
      return refuse(request, 400, badFraming);
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      return refuse(request, 413, "Request body is larger than the limit of " + maxBodyBytes + " bytes");
    }
    Request built = request.body(body).build();
    try {
      return app.handle(built);
    } catch (RuntimeException | Error e) {
      // App.handle promises never to throw; should a bug break that promise, the client still gets an answer.
      log.error("App failed to answer {} {}", method, rawPath, e);
      return Responses.error(500, "Internal Server Error");
    }
  }

  private Response refuse(Request.Builder request, int status, String message) {
    return app.reject(request.build(), new HttpException(status, message)).withHeader("Connection", "close");
  }

  /**
   * The whole body, or {@code null} when it is over the limit. A declared oversize body is not read
   * at all; a chunked one is read only until it crosses the limit. Accepted bodies are read to their
   * end, which tells the JDK the connection can be reused.
   */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    com.sun.net.httpserver.Headers headers = exchange.getRequestHeaders();
    InputStream in = exchange.getRequestBody();
    String length = headers.getFirst("Content-Length");
    if (length != null) {
      long declared = Long.parseLong(length.trim()); // RequestFraming refused anything but digits
      if (declared > maxBodyBytes) {
        return null;
      }
      byte[] body = declared == 0 ? NO_BODY : in.readNBytes((int) declared);
      if (body.length < declared) {
        throw new EOFException("client closed the connection after " + body.length + " of " + declared + " body bytes");
      }
      in.read(); // reaches the end of the fixed-length stream, which marks the request complete
      return body;
    }
    if (headers.containsKey("Transfer-Encoding")) { // the JDK only lets "chunked" through
      return readChunked(in);
    }
    in.read();
    return NO_BODY;
  }

  private byte[] readChunked(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, (long) maxBodyBytes + 1));
      }
      int read = in.read(buffer, size, buffer.length - size);
      if (read < 0) {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
      }
      size += read;
      if (size > maxBodyBytes) {
        return null;
      }
    }
  }

  /** Writes {@code response}; returns the number of body bytes sent. */
  private static long write(HttpExchange exchange, String method, Response response) throws IOException {
    if (response.isStreaming()) {
      return method.equals("HEAD") ? write(exchange, method, response.withoutBody())
          : LiveStream.send(exchange, response, answer -> write(exchange, method, answer));
    }
    int status = response.status();
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    Headers fields = response.headers();
    String declaredLength = null;
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.name(i);
      if (name.equalsIgnoreCase("Content-Length")) {
        if (declaredLength == null) {
          declaredLength = fields.value(i);
        }
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        continue;
      } else if (fields.repeatsEarlierName(i)) {
        out.add(name, fields.value(i));
      } else {
        out.set(name, fields.value(i)); // replaces what the server set, such as X-Request-Id
      }
    }
    boolean informationalOrNoContent = status < 200 || status == 204;
    if (method.equals("HEAD") || status == 304 || informationalOrNoContent) {
      // No body follows. HEAD and 304 may still say how long the body would be: the JDK writes a
      // Content-Length set here as it is when told the length is -1 (no body).
      if (declaredLength != null && !informationalOrNoContent) {
        out.set("Content-Length", declaredLength);
      }
      exchange.sendResponseHeaders(status, -1);
      return 0;
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      OutputStream stream = exchange.getResponseBody();
      stream.write(body);
      stream.close();
    }
    return body.length;
  }

  /** The raw path; for a target such as {@code //a/b} the URI parser sees an authority that is really a path segment. */
  static String rawPath(URI uri) {
    String path = uri.getRawPath();
    if (uri.getScheme() == null && uri.getRawAuthority() != null) {
      String part = uri.getRawSchemeSpecificPart();
      int query = part.indexOf('?');
      path = query < 0 ? part : part.substring(0, query);
    }
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static String remoteAddress(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 40));
    for (int i = 0; i < text.length() && i < 40; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  private static void closeQuietly(HttpExchange exchange) {
    try {
      exchange.close();
    } catch (RuntimeException e) {
      log.debug("Closing the exchange failed: {}", e.toString());
    }
  }
}
