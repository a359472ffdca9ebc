package dev.vial.lambda.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Runtime API (2018-06-01) over HTTP/1.1 on one kept-alive plain socket: the JDK's HTTP clients
 * cannot send the trailers a streamed response reports its errors in. Not thread-safe: one loop uses it.
 */
final class RuntimeApiClient implements AutoCloseable {

  static final String STREAMING_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";
  static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
  static final String ERROR_BODY = "Lambda-Runtime-Function-Error-Body";
  private static final String BASE = "/2018-06-01/runtime/";
  /** Events are at most 6 MB (synchronous) or 1 MB (asynchronous); room for either. */
  private static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;
  private static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A client of {@code hostAndPort}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  RuntimeApiClient(String hostAndPort) {
    int colon = hostAndPort == null ? -1 : hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API must be host:port, got '" + hostAndPort + "'");
    }
    this.host = hostAndPort.substring(0, colon);
    try {
      this.port = Integer.parseInt(hostAndPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API must be host:port, got '" + hostAndPort + "'", e);
    }
  }

  /** Waits for the next event (a long poll without timeout, as Lambda freezes the environment meanwhile). */
  Invocation next() throws IOException {
    HttpResponseReader.RawResponse response = exchange("GET", BASE + "invocation/next", null, null, null,
        MAX_EVENT_BYTES);
    if (response.status() != 200) {
      throw new IOException("The Runtime API answered /invocation/next with " + response.status() + ": "
          + abbreviate(response.bodyText()));
    }
    String requestId = response.header("Lambda-Runtime-Aws-Request-Id");
    if (requestId == null || requestId.isEmpty() || !isSafePathSegment(requestId)) {
      throw new ProtocolException("The Runtime API sent an event without a usable Lambda-Runtime-Aws-Request-Id");
    }
    long deadline = 0;
    String deadlineText = response.header("Lambda-Runtime-Deadline-Ms");
    if (deadlineText != null) {
      try {
        deadline = Long.parseLong(deadlineText.trim());
      } catch (NumberFormatException ignored) {
        // an unusable deadline only makes getRemainingTimeInMillis less precise
      }
    }
    return new Invocation(requestId, deadline, response.header("Lambda-Runtime-Invoked-Function-Arn"),
        response.header("Lambda-Runtime-Trace-Id"), response.body());
  }

  /** Posts a buffered response. */
  void respond(String requestId, byte[] payload) throws IOException {
    expectAccepted(exchange("POST", BASE + "invocation/" + requestId + "/response", "application/json", null, payload,
        MAX_ANSWER_BYTES), "response");
  }

  /** Posts a function error ({@code Lambda-Runtime-Function-Error-Type} and Lambda's error document). */
  void error(String requestId, String errorType, byte[] errorDocument) throws IOException {
    expectAccepted(exchange("POST", BASE + "invocation/" + requestId + "/error", "application/json", errorType,
        errorDocument, MAX_ANSWER_BYTES), "error");
  }

  /** Reports that the function could not be initialised. */
  void initError(String errorType, byte[] errorDocument) throws IOException {
    expectAccepted(exchange("POST", BASE + "init/error", "application/json", errorType, errorDocument,
        MAX_ANSWER_BYTES), "init/error");
  }

  /** SnapStart: tells Lambda the environment is ready for its snapshot and waits until it was restored. */
  void restoreNext() throws IOException {
    HttpResponseReader.RawResponse response = exchange("GET", BASE + "restore/next", null, null, null, MAX_ANSWER_BYTES);
    if (response.status() != 200) {
      throw new IOException("The Runtime API answered /restore/next with " + response.status() + ": "
          + abbreviate(response.bodyText()));
    }
  }

  /**
   * Starts a streamed response: sends the request head ({@code Lambda-Runtime-Function-Response-Mode: streaming},
   * chunked, the error trailers announced) and returns the body, which the caller ends with
   * {@link #finishStream}.
   */
  ChunkedOutput startStream(String requestId, String contentType) throws IOException {
    connect();
    String head = "POST " + BASE + "invocation/" + requestId + "/response HTTP/1.1\r\n"
        + "Host: " + host + ":" + port + "\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + "Lambda-Runtime-Function-Response-Mode: streaming\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + "Trailer: " + ERROR_TYPE + ", " + ERROR_BODY + "\r\n"
        + "\r\n";
    try {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      return new ChunkedOutput(out, 8192);
    } catch (IOException e) {
      disconnect();
      throw e;
    }
  }

  /**
   * Ends a streamed response: the last chunk, with the error trailers when {@code errorType} is not {@code null}
   * ({@code errorBodyBase64}: the base64 of Lambda's error document), then reads the Runtime API's answer.
   */
  void finishStream(ChunkedOutput body, String errorType, String errorBodyBase64) throws IOException {
    try {
      if (errorType == null) {
        body.finish();
      } else {
        body.finish(ERROR_TYPE, errorType, ERROR_BODY, errorBodyBase64);
      }
      expectAccepted(HttpResponseReader.read(in, MAX_ANSWER_BYTES), "streamed response");
    } catch (IOException e) {
      disconnect();
      throw e;
    }
  }

  /** Drops the connection (e.g. after a streamed response broke off); the next call opens a new one. */
  void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing more to do with a broken socket
      }
      socket = null;
    }
  }

  @Override
  public void close() {
    disconnect();
  }

  private HttpResponseReader.RawResponse exchange(String method, String path, String contentType, String errorType,
      byte[] body, int maxBody) throws IOException {
    boolean fresh = socket == null;
    try {
      return send(method, path, contentType, errorType, body, maxBody);
    } catch (IOException e) {
      disconnect();
      if (fresh) {
        throw e;
      }
      // a kept-alive connection the other side closed meanwhile: once more on a new one
      return send(method, path, contentType, errorType, body, maxBody);
    }
  }

  private HttpResponseReader.RawResponse send(String method, String path, String contentType, String errorType,
      byte[] body, int maxBody) throws IOException {
    connect();
    StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(':').append(port).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (errorType != null) {
      head.append(ERROR_TYPE).append(": ").append(errorType).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.write(body);
    }
    out.flush();
    HttpResponseReader.RawResponse response = HttpResponseReader.read(in, maxBody);
    if ("close".equalsIgnoreCase(response.header("Connection"))) {
      disconnect();
    }
    return response;
  }

  private void connect() throws IOException {
    if (socket != null) {
      return;
    }
    Socket opened = new Socket();
    try {
      opened.setTcpNoDelay(true); // each chunk of a stream must leave at once
      opened.connect(new InetSocketAddress(host, port), 10_000);
      in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
      out = new BufferedOutputStream(opened.getOutputStream(), 16 * 1024);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    socket = opened;
  }

  private static void expectAccepted(HttpResponseReader.RawResponse response, String what) throws IOException {
    if (response.status() / 100 != 2) {
      throw new RuntimeApiRefusal("The Runtime API refused the " + what + " with " + response.status() + ": "
          + abbreviate(response.bodyText()));
    }
  }

  /** Request ids become path segments: refuse anything that could change the request line. */
  private static boolean isSafePathSegment(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
