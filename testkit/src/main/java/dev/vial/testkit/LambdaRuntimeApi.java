package dev.vial.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The AWS Lambda Runtime API (2018-06-01) on a loopback port, written on a plain socket so that it can check
 * what a runtime sends byte by byte, including Lambda's response streaming mode as AWS documents it for custom
 * runtimes: {@code POST /invocation/{id}/response} with {@code Lambda-Runtime-Function-Response-Mode: streaming}
 * and {@code Transfer-Encoding: chunked}, the body's chunks recorded as they arrive (with their arrival time),
 * and the {@code Lambda-Runtime-Function-Error-Type} / {@code -Error-Body} trailers. Also serves buffered
 * responses, {@code /error}, {@code /init/error} and SnapStart's {@code /restore/next}.
 *
 * <pre>{@code
 * try (LambdaRuntimeApi api = LambdaRuntimeApi.start()) {
 *   // run the runtime with AWS_LAMBDA_RUNTIME_API=api.address()
 *   LambdaRuntimeApi.Invocation call = api.send(eventBytes);
 *   LambdaRuntimeApi.Chunk first = call.nextChunk(Duration.ofSeconds(10)); // as soon as it arrives
 *   LambdaRuntimeApi.Answer answer = call.await(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class LambdaRuntimeApi implements AutoCloseable {

  private static final String BASE = "/2018-06-01/runtime/";
  private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

  private final ServerSocket server;
  private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> byId = new ConcurrentHashMap<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private final CompletableFuture<Void> restoreNext = new CompletableFuture<>();

  /** How a runtime answered an invocation. */
  public enum Kind {
    /** {@code POST /response} with a whole body. */
    BUFFERED,
    /** {@code POST /response} in streaming mode. */
    STREAMED,
    /** {@code POST /error}. */
    ERROR
  }

  /** One chunk of a streamed body and when it arrived ({@link System#nanoTime()}). */
  public record Chunk(byte[] data, long arrivedNanos) {
    /** The data as UTF-8 text. */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  /**
   * A runtime's complete answer.
   *
   * @param kind how it answered
   * @param headers the request's header fields, names lower case
   * @param body the whole body (a streamed one joined)
   * @param chunks a streamed body's chunks in arrival order (empty for the other kinds)
   * @param trailers a streamed body's trailer fields, names lower case
   * @param violations what the runtime did against the documented protocol (empty when nothing)
   */
  public record Answer(Kind kind, Map<String, String> headers, byte[] body, List<Chunk> chunks,
      Map<String, String> trailers, List<String> violations) {

    /** The body as UTF-8 text. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The {@code Lambda-Runtime-Function-Error-Type} header (errors) or trailer (failed streams), or {@code null}. */
    public String errorType() {
      String type = headers.get("lambda-runtime-function-error-type");
      return type != null ? type : trailers.get("lambda-runtime-function-error-type");
    }

    /** The JSON prelude of a streamed HTTP response: the text before the 8 NUL bytes. */
    public String preludeJson() {
      int end = delimiter();
      return end < 0 ? null : new String(body, 0, end, StandardCharsets.UTF_8);
    }

    /** The HTTP body of a streamed HTTP response: what follows the prelude and its 8 NUL bytes. */
    public String httpBodyText() {
      int end = delimiter();
      return end < 0 ? null : new String(body, end + 8, body.length - end - 8, StandardCharsets.UTF_8);
    }

    private int delimiter() {
      for (int i = 0; i + 8 <= body.length; i++) {
        boolean zeros = true;
        for (int j = 0; j < 8 && zeros; j++) {
          zeros = body[i + j] == 0;
        }
        if (zeros) {
          return i;
        }
      }
      return -1;
    }
  }

  /** One event handed to the runtime. */
  public static final class Invocation {
    private final String requestId = UUID.randomUUID().toString();
    private final byte[] event;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    private final List<Chunk> recorded = new CopyOnWriteArrayList<>();

    private Invocation(byte[] event) {
      this.event = event.clone();
    }

    /** The request id the runtime got. */
    public String requestId() {
      return requestId;
    }

    /** The next chunk of a streamed answer as soon as it arrives, or {@code null} after {@code timeout}. */
    public Chunk nextChunk(Duration timeout) throws InterruptedException {
      return chunks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the complete answer. */
    public Answer await(Duration timeout) throws TimeoutException, InterruptedException {
      try {
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
      }
    }
  }

  private LambdaRuntimeApi(ServerSocket server) {
    this.server = server;
  }

  /** Starts the API on a free loopback port. */
  public static LambdaRuntimeApi start() throws IOException {
    LambdaRuntimeApi api = new LambdaRuntimeApi(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(api::accept, "lambda-runtime-api");
    acceptor.setDaemon(true);
    acceptor.start();
    return api;
  }

  /** {@code host:port}, the value for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** Queues {@code event} for the runtime's next {@code /invocation/next}. */
  public Invocation send(byte[] event) {
    Invocation invocation = new Invocation(event);
    byId.put(invocation.requestId, invocation);
    queued.add(invocation);
    return invocation;
  }

  /** The error document the runtime posted to {@code /init/error}, waiting up to {@code timeout}. */
  public String awaitInitError(Duration timeout) throws TimeoutException, InterruptedException, ExecutionException {
    return initError.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the runtime has called SnapStart's {@code /restore/next}, waiting up to {@code timeout}. */
  public boolean awaitRestoreNext(Duration timeout) throws InterruptedException {
    try {
      restoreNext.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    }
  }

  /** Stops listening and drops every connection. */
  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        Thread connection = new Thread(() -> serve(socket), "lambda-runtime-api-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String requestLine = line(in);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].equals("HTTP/1.1")) {
          send(out, 400, "{\"errorMessage\":\"malformed request line\"}".getBytes(StandardCharsets.UTF_8), Map.of());
          return;
        }
        Map<String, String> headers = fields(in);
        handle(parts[0], parts[1], headers, in, out);
      }
    } catch (IOException | InterruptedException closed) {
      // the runtime or close() ended the connection
    } finally {
      connections.remove(socket);
    }
  }

  private void handle(String method, String path, Map<String, String> headers, InputStream in, OutputStream out)
      throws IOException, InterruptedException {
    if (method.equals("GET") && path.equals(BASE + "invocation/next")) {
      Invocation next = queued.take();
      Map<String, String> eventHeaders = new LinkedHashMap<>();
      eventHeaders.put("Content-Type", "application/json");
      eventHeaders.put("Lambda-Runtime-Aws-Request-Id", next.requestId);
      eventHeaders.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
      eventHeaders.put("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:echo");
      eventHeaders.put("Lambda-Runtime-Trace-Id", "Root=1-5e1b4151-5ac6c58f5a8b4d3f4c8f0e3d;Parent=1;Sampled=0");
      send(out, 200, next.event, eventHeaders);
      return;
    }
    if (method.equals("GET") && path.equals(BASE + "restore/next")) {
      restoreNext.complete(null);
      send(out, 200, new byte[0], Map.of());
      return;
    }
    if (method.equals("POST") && path.equals(BASE + "init/error")) {
      byte[] body = body(headers, in, null, null);
      initError.complete(new String(body, StandardCharsets.UTF_8));
      send(out, 202, ACCEPTED, Map.of());
      return;
    }
    if (method.equals("POST") && path.startsWith(BASE + "invocation/")) {
      String rest = path.substring((BASE + "invocation/").length());
      int slash = rest.indexOf('/');
      Invocation invocation = slash < 0 ? null : byId.get(rest.substring(0, slash));
      String kind = slash < 0 ? "" : rest.substring(slash + 1);
      if (invocation == null || !(kind.equals("response") || kind.equals("error"))) {
        body(headers, in, null, null);
        send(out, 404, "{\"errorMessage\":\"unknown request id or path\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
      answer(invocation, kind, headers, in, out);
      return;
    }
    body(headers, in, null, null);
    send(out, 404, "{\"errorMessage\":\"not found\"}".getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private void answer(Invocation invocation, String kind, Map<String, String> headers, InputStream in,
      OutputStream out) throws IOException {
    List<String> violations = new ArrayList<>();
    boolean streamed = "streaming".equals(headers.get("lambda-runtime-function-response-mode"));
    if (streamed) {
      if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        violations.add("a streamed response must use Transfer-Encoding: chunked");
      }
      if (!"application/vnd.awslambda.http-integration-response".equals(headers.get("content-type"))) {
        violations.add("an HTTP response stream must have Content-Type application/vnd.awslambda.http-integration-response,"
            + " got " + headers.get("content-type"));
      }
    } else if (headers.containsKey("lambda-runtime-function-response-mode")) {
      violations.add("unknown Lambda-Runtime-Function-Response-Mode " + headers.get("lambda-runtime-function-response-mode"));
    }
    List<Chunk> chunks = new ArrayList<>();
    Map<String, String> trailers = new LinkedHashMap<>();
    byte[] body = body(headers, in, streamed ? invocation : null, trailers);
    if (streamed) {
      chunks.addAll(invocation.recorded);
      String announced = headers.getOrDefault("trailer", "").toLowerCase(Locale.ROOT);
      for (String name : trailers.keySet()) {
        if (!announced.contains(name)) {
          violations.add("trailer " + name + " was not announced in the Trailer header");
        }
      }
      if (trailers.containsKey("lambda-runtime-function-error-type") != trailers.containsKey("lambda-runtime-function-error-body")) {
        violations.add("the error trailers come in pairs: Error-Type and Error-Body");
      }
    }
    Kind answerKind = kind.equals("error") ? Kind.ERROR : streamed ? Kind.STREAMED : Kind.BUFFERED;
    Answer answer = new Answer(answerKind, Collections.unmodifiableMap(headers), body, List.copyOf(chunks),
        Collections.unmodifiableMap(trailers), List.copyOf(violations));
    if (!invocation.answer.complete(answer)) {
      send(out, 400, "{\"errorMessage\":\"already answered\"}".getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    byId.remove(invocation.requestId);
    send(out, 202, ACCEPTED, Map.of());
  }

  /** Reads a request body by Content-Length or chunked; chunks go to {@code live} as they arrive. */
  private static byte[] body(Map<String, String> headers, InputStream in, Invocation live, Map<String, String> trailers)
      throws IOException {
    if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
      throw new IOException("Expect: 100-continue is not supported by this test server");
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = line(in);
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
          Map<String, String> trailerFields = fields(in);
          if (trailers != null) {
            trailers.putAll(trailerFields);
          }
          return body.toByteArray();
        }
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
          throw new EOFException("chunk cut short");
        }
        long arrived = System.nanoTime();
        if (!line(in).isEmpty()) {
          throw new IOException("chunk longer than its size");
        }
        body.write(data);
        if (live != null) {
          Chunk chunk = new Chunk(data, arrived);
          live.recorded.add(chunk);
          live.chunks.add(chunk);
        }
      }
    }
    String length = headers.get("content-length");
    if (length == null) {
      return new byte[0];
    }
    int size = Integer.parseInt(length.trim());
    byte[] body = in.readNBytes(size);
    if (body.length < size) {
      throw new EOFException("body cut short");
    }
    return body;
  }

  private static Map<String, String> fields(InputStream in) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header field: " + line);
      }
      fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return fields;
  }

  private static void send(OutputStream out, int status, byte[] body, Map<String, String> headers) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : status == 202
        ? " Accepted" : " Error").append("\r\n");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new EOFException("connection closed");
      }
      line.append((char) c);
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }
}
