package dev.vial.example.echo.ric;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The AWS Lambda Runtime API (version 2018-06-01) on 127.0.0.1, for running a handler under AWS's real
 * Runtime Interface Client. {@link #invoke} queues an event and waits for the runtime to answer it;
 * the runtime long-polls {@code /invocation/next} for it and posts back to {@code /response} or
 * {@code /error}. One execution environment: invocations are served one after another, as in Lambda.
 */
final class RuntimeApiServer implements AutoCloseable {

  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String INVOCATION = PREFIX + "invocation/";
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(30);
  private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

  private final String functionName;
  private final HttpServer server;
  private final ExecutorService threads;
  private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
  /** Why no invocation can succeed any more (an init error, a dead runtime), or {@code null}. */
  private final AtomicReference<String> broken = new AtomicReference<>();

  /**
   * What the runtime answered for one invocation.
   *
   * @param errorType {@code null} for a response, else the runtime's {@code Lambda-Runtime-Function-Error-Type}
   *     (or {@code "Unknown"} when it sent none)
   * @param payload the response bytes, or the error document the runtime posted
   */
  record Outcome(String errorType, byte[] payload) {

    /** Whether the runtime reported a function error instead of a response. */
    boolean isError() {
      return errorType != null;
    }

    /** The payload as UTF-8 text. */
    String payloadText() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private record Invocation(String requestId, byte[] event, CompletableFuture<Outcome> outcome) {}

  private RuntimeApiServer(String functionName, HttpServer server, ExecutorService threads) {
    this.functionName = functionName;
    this.server = server;
    this.threads = threads;
  }

  /** Starts a Runtime API on a free loopback port for a function named {@code functionName}. */
  static RuntimeApiServer start(String functionName) throws IOException {
    // The JDK server writes headers and body separately; with Nagle on, every exchange with the RIC's
    // curl client waits out a delayed ACK (about 40 ms). Read once per JVM, by the first server created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // /next blocks its thread until an event arrives, so the answers need threads of their own.
    ExecutorService threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "runtime-api");
      thread.setDaemon(true);
      return thread;
    });
    RuntimeApiServer api = new RuntimeApiServer(functionName, server, threads);
    server.createContext(PREFIX, api::handle);
    server.setExecutor(threads);
    server.start();
    return api;
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    InetSocketAddress bound = server.getAddress();
    return bound.getAddress().getHostAddress() + ":" + bound.getPort();
  }

  /**
   * Delivers {@code event} to the runtime and waits up to {@code timeout} for its answer.
   *
   * @throws TimeoutException if the runtime did not answer in time (not started, dead, or stuck)
   * @throws IllegalStateException if the runtime reported an init error or {@link #runtimeExited exited}
   */
  Outcome invoke(byte[] event, Duration timeout) throws TimeoutException, InterruptedException {
    Invocation invocation = new Invocation(UUID.randomUUID().toString(), event.clone(), new CompletableFuture<>());
    inFlight.put(invocation.requestId(), invocation.outcome());
    // Checked after registering: breakWith sets the reason before it fails what is in flight.
    String reason = broken.get();
    if (reason != null) {
      invocation.outcome().completeExceptionally(new IllegalStateException(reason));
    } else {
      queued.add(invocation);
    }
    try {
      return invocation.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      queued.remove(invocation);
      throw new TimeoutException("The runtime did not answer invocation " + invocation.requestId()
          + " within " + timeout.toMillis() + " ms");
    } finally {
      inFlight.remove(invocation.requestId());
    }
  }

  /**
   * Fails the waiting and all later invocations with {@code reason}, as Lambda does ({@code Runtime.ExitError})
   * when the runtime process dies, instead of letting them wait for their timeout.
   */
  void runtimeExited(String reason) {
    breakWith(reason);
  }

  /** Stops serving; a runtime still polling sees its connection drop. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void breakWith(String reason) {
    broken.compareAndSet(null, reason);
    IllegalStateException failure = new IllegalStateException(broken.get());
    inFlight.values().forEach(outcome -> outcome.completeExceptionally(failure));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (path.equals(INVOCATION + "next")) {
        if (method.equals("GET")) {
          next(exchange);
        } else {
          send(exchange, 405, error("MethodNotAllowed", method + " " + path));
        }
      } else if (path.equals(PREFIX + "init/error") && method.equals("POST")) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        breakWith("The runtime failed to initialise (" + errorType(exchange) + "): "
            + new String(body, StandardCharsets.UTF_8));
        send(exchange, 202, ACCEPTED);
      } else if (path.startsWith(INVOCATION) && method.equals("POST")) {
        answer(exchange, path.substring(INVOCATION.length()));
      } else {
        send(exchange, 404, error("NotFound", method + " " + path));
      }
    }
  }

  /** The long poll: waits, without limit as Lambda does, for the next event. */
  private void next(HttpExchange exchange) throws IOException {
    Invocation invocation;
    try {
      invocation = queued.take();
    } catch (InterruptedException e) {
      // close() interrupts waiting polls; the runtime sees its connection drop.
      Thread.currentThread().interrupt();
      return;
    }
    long deadline = System.currentTimeMillis() + FUNCTION_TIMEOUT.toMillis();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:" + functionName);
    exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", traceId(invocation.requestId()));
    send(exchange, 200, invocation.event());
  }

  /** {@code {id}/response} or {@code {id}/error}. */
  private void answer(HttpExchange exchange, String idAndKind) throws IOException {
    int slash = idAndKind.indexOf('/');
    String kind = slash < 0 ? "" : idAndKind.substring(slash + 1);
    if (!kind.equals("response") && !kind.equals("error")) {
      send(exchange, 404, error("NotFound", "POST " + INVOCATION + idAndKind));
      return;
    }
    String requestId = idAndKind.substring(0, slash);
    byte[] body = exchange.getRequestBody().readAllBytes();
    CompletableFuture<Outcome> outcome = inFlight.get(requestId);
    Outcome answer = new Outcome(kind.equals("error") ? errorType(exchange) : null, body);
    if (outcome == null || !outcome.complete(answer)) {
      send(exchange, 400, error("InvalidRequestID", "Unknown or already answered request id: " + requestId));
      return;
    }
    send(exchange, 202, ACCEPTED);
  }

  private static String errorType(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    return type == null || type.isEmpty() ? "Unknown" : type;
  }

  /** An X-Ray trace header; the root's first part is the epoch second in hex, as X-Ray's are. */
  private static String traceId(String requestId) {
    String hex = requestId.replace("-", "");
    return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.substring(0, 24)
        + ";Parent=" + hex.substring(16, 32) + ";Sampled=0";
  }

  private static byte[] error(String type, String message) {
    return ("{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
