package dev.vial.example.echo.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK
 * ({@code java.net.http.WebSocket}) and Jackson: the only outside requirement is the {@code chromium}
 * package. One instance is one browser with one tab; everything the page does is recorded (console
 * errors, uncaught exceptions, failed or 4xx/5xx requests, every response's status).
 *
 * <pre>{@code
 * assumeTrue(HeadlessChromium.isAvailable(), HeadlessChromium.SKIP_REASON);
 * try (HeadlessChromium browser = HeadlessChromium.launch()) {
 *   browser.open(server.url() + "/static/");
 *   assertThat(browser.waitForText("#result", Duration.ofSeconds(20))).isEqualTo("{\"id\":42}");
 *   assertThat(browser.consoleErrors()).isEmpty();
 *   assertThat(browser.failedRequests()).isEmpty();
 * }
 * }</pre>
 *
 * <p>{@link #close()} always ends the browser and every process it started, and removes its fresh
 * profile directory; a JVM shutdown hook does the same should a test never reach {@code close()}.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  /** The message for a skipped test: what is missing and how to get it. */
  public static final String SKIP_REASON =
      "headless Chromium not found at " + BINARY + ": install it (apt-get install -y chromium); .ci/run does";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final String DEVTOOLS_LINE = "DevTools listening on ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One response the page received: its URL and status. */
  public record NetworkResponse(String url, int status) {}

  private final Process process;
  private final Path profile;
  private final Thread shutdownHook;
  private final WebSocket socket;
  private final String sessionId;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Predicate<JsonNode>> eventWaiters = new CopyOnWriteArrayList<>();
  private final Map<String, String> requestUrls = new ConcurrentHashMap<>();
  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
  private final List<String> failedRequests = new CopyOnWriteArrayList<>();
  private final List<NetworkResponse> responses = new CopyOnWriteArrayList<>();
  /** Wire statuses by request id; the URL is looked up when asked, since Chromium may report a status before its request. */
  private final List<WireStatus> wireStatuses = new CopyOnWriteArrayList<>();
  private final List<String> stderrTail = new CopyOnWriteArrayList<>();

  /** Whether the browser binary is installed; tests skip with {@link #SKIP_REASON} when not. */
  public static boolean isAvailable() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Starts a fresh headless browser (own temporary profile, no network beyond what pages ask for) and
   * opens one blank tab.
   *
   * @throws IOException when the browser cannot start or its DevTools endpoint does not answer in time
   */
  public static HeadlessChromium launch() throws IOException {
    Path profile = Files.createTempDirectory("vial-chromium-");
    Process process = new ProcessBuilder(BINARY.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-default-apps", "--mute-audio", "--disable-breakpad", "--disable-crash-reporter",
        "--remote-debugging-port=0", "--remote-allow-origins=*",
        "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread hook = new Thread(() -> kill(process, profile), "chromium-reaper");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return new HeadlessChromium(process, profile, hook);
    } catch (IOException | RuntimeException | Error failure) {
      kill(process, profile);
      removeHook(hook);
      throw failure;
    }
  }

  private HeadlessChromium(Process process, Path profile, Thread shutdownHook) throws IOException {
    this.process = process;
    this.profile = profile;
    this.shutdownHook = shutdownHook;
    String browserUrl = readDevToolsUrl(process);
    try {
      this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .connectTimeout(STARTUP_TIMEOUT)
          .buildAsync(URI.create(browserUrl), new Listener())
          .get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode target = call(null, "Target.createTarget", Map.of("url", "about:blank"));
      JsonNode attached = call(null, "Target.attachToTarget",
          Map.of("targetId", target.path("targetId").asText(), "flatten", true));
      this.sessionId = attached.path("sessionId").asText();
      for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
        call(domain + ".enable", Map.of());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to Chromium", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not connect to Chromium's DevTools at " + browserUrl, e);
    }
  }

  /** Navigates the tab to {@code url} and waits for its {@code load} event (scripts may still be fetching). */
  public void open(String url) {
    CompletableFuture<JsonNode> loaded = nextEvent("Page.loadEventFired");
    JsonNode navigation = call("Page.navigate", Map.of("url", url));
    if (navigation.hasNonNull("errorText")) {
      throw new IllegalStateException("navigation to " + url + " failed: " + navigation.get("errorText").asText());
    }
    await(loaded, "the load event of " + url);
  }

  /** Reloads the page the way a user does (the cache is kept, so the browser revalidates) and waits for load. */
  public void reload() {
    CompletableFuture<JsonNode> loaded = nextEvent("Page.loadEventFired");
    call("Page.reload", Map.of("ignoreCache", false));
    await(loaded, "the load event after reload");
  }

  /**
   * Evaluates a JavaScript expression in the page and returns its value as JSON (promises are awaited).
   *
   * @throws IllegalStateException when the expression throws
   */
  public JsonNode evaluate(String expression) {
    JsonNode result = call("Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
    }
    JsonNode value = result.path("result").get("value");
    return value == null ? JSON.nullNode() : value;
  }

  /**
   * Waits until the first element matching the CSS {@code selector} has a non-empty text, and returns it.
   *
   * @throws AssertionError when it does not within {@code timeout}, with the text seen last
   */
  public String waitForText(String selector, Duration timeout) {
    String script = "(() => { const e = document.querySelector(" + JSON.valueToTree(selector)
        + "); return e ? e.textContent : null; })()";
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode text = JSON.nullNode();
    while (System.nanoTime() < deadline) {
      text = evaluate(script);
      if (text.isTextual() && !text.asText().isEmpty()) {
        return text.asText();
      }
      sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("no text in '" + selector + "' within " + timeout + " (last seen: " + text
        + "); console errors: " + consoleErrors + "; failed requests: " + failedRequests);
  }

  /** Console errors, uncaught exceptions and browser-logged errors so far, oldest first. */
  public List<String> consoleErrors() {
    return List.copyOf(consoleErrors);
  }

  /** Requests that failed or got a 4xx/5xx answer so far: {@code "<status or error> <url>"}, oldest first. */
  public List<String> failedRequests() {
    return List.copyOf(failedRequests);
  }

  /** Every response the page received so far, oldest first. */
  public List<NetworkResponse> responses() {
    return List.copyOf(responses);
  }

  /**
   * Every response as it came over the wire, oldest first. Unlike {@link #responses()}, which reports
   * what the page got (a revalidated page or image shows there as the cached 200), this shows the
   * server's 304s.
   */
  public List<NetworkResponse> wireResponses() {
    List<NetworkResponse> answers = new ArrayList<>();
    for (WireStatus wire : wireStatuses) {
      answers.add(new NetworkResponse(requestUrls.getOrDefault(wire.requestId(), "(unknown url)"), wire.status()));
    }
    return List.copyOf(answers);
  }

  private record WireStatus(String requestId, int status) {}

  /** Forgets what was recorded so far (console errors, failures, responses), e.g. before a reload. */
  public void clearRecords() {
    consoleErrors.clear();
    failedRequests.clear();
    responses.clear();
    wireStatuses.clear();
  }

  /** Ends the browser and all its processes and removes its profile. Idempotent. */
  @Override
  public void close() {
    try {
      if (socket != null && !socket.isOutputClosed()) {
        send(null, "Browser.close", Map.of());
      }
    } catch (RuntimeException ignored) {
      // the browser is killed below anyway
    } finally {
      kill(process, profile);
      removeHook(shutdownHook);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private JsonNode call(String method, Map<String, Object> params) {
    return call(sessionId, method, params);
  }

  private JsonNode call(String session, String method, Map<String, Object> params) {
    return await(send(session, method, params), method);
  }

  private CompletableFuture<JsonNode> send(String session, String method, Map<String, Object> params) {
    int id = nextId.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (socket) {
      socket.sendText(message.toString(), true).join();
    }
    return reply;
  }

  private CompletableFuture<JsonNode> nextEvent(String method) {
    CompletableFuture<JsonNode> event = new CompletableFuture<>();
    eventWaiters.add(new Predicate<>() {
      @Override
      public boolean test(JsonNode message) {
        if (method.equals(message.path("method").asText()) && event.complete(message.path("params"))) {
          eventWaiters.remove(this);
          return true;
        }
        return false;
      }
    });
    return event;
  }

  private JsonNode await(CompletableFuture<JsonNode> future, String what) {
    try {
      return future.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Chromium refused " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Chromium did not answer " + what + " within " + COMMAND_TIMEOUT
          + "; its stderr ends with: " + stderrTail, e);
    }
  }

  private void onMessage(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
      if (reply != null) {
        if (message.has("error")) {
          reply.completeExceptionally(new IllegalStateException(message.get("error").toString()));
        } else {
          reply.complete(message.path("result"));
        }
      }
      return;
    }
    record(message.path("method").asText(), message.path("params"));
    for (Predicate<JsonNode> waiter : eventWaiters) {
      waiter.test(message);
    }
  }

  private void record(String event, JsonNode params) {
    switch (event) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          List<String> args = new ArrayList<>();
          params.path("args").forEach(arg -> args.add(arg.has("value") ? arg.get("value").asText()
              : arg.path("description").asText()));
          consoleErrors.add("console." + type + ": " + String.join(" ", args));
        }
      }
      case "Runtime.exceptionThrown" -> consoleErrors.add("uncaught: "
          + params.path("exceptionDetails").path("exception").path("description")
              .asText(params.path("exceptionDetails").path("text").asText()));
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          consoleErrors.add(entry.path("source").asText() + ": " + entry.path("text").asText() + " "
              + entry.path("url").asText());
        }
      }
      case "Network.requestWillBeSent" ->
          requestUrls.put(params.path("requestId").asText(), params.path("request").path("url").asText());
      case "Network.responseReceived" -> {
        JsonNode response = params.path("response");
        int status = response.path("status").asInt();
        String url = response.path("url").asText();
        responses.add(new NetworkResponse(url, status));
        if (status >= 400) {
          failedRequests.add(status + " " + url);
        }
      }
      case "Network.responseReceivedExtraInfo" -> wireStatuses.add(new WireStatus(
          params.path("requestId").asText(), params.path("statusCode").asInt()));
      case "Network.loadingFailed" -> failedRequests.add(params.path("errorText").asText() + " "
          + requestUrls.getOrDefault(params.path("requestId").asText(), "(unknown url)"));
      default -> {
        // other events are not recorded
      }
    }
  }

  /** Receives DevTools messages, which may arrive in several text frames. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          onMessage(JSON.readTree(text));
        } catch (IOException | RuntimeException e) {
          consoleErrors.add("(harness) unreadable DevTools message: " + e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failPending(new IllegalStateException("DevTools connection closed: " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failPending(error);
    }

    private void failPending(Throwable cause) {
      pending.values().forEach(reply -> reply.completeExceptionally(cause));
      pending.clear();
    }
  }

  /** Reads stderr until Chromium prints its DevTools URL, then keeps draining it so the pipe never fills. */
  private String readDevToolsUrl(Process process) throws IOException {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          int at = line.indexOf(DEVTOOLS_LINE);
          if (at >= 0) {
            url.complete(line.substring(at + DEVTOOLS_LINE.length()).trim());
          }
          stderrTail.add(line);
          if (stderrTail.size() > 20) {
            stderrTail.remove(0);
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
      url.completeExceptionally(new IOException("Chromium exited (" + exitCode(process)
          + ") without a DevTools URL; stderr: " + stderrTail));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return url.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting Chromium", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("Chromium printed no DevTools URL within " + STARTUP_TIMEOUT + "; stderr: " + stderrTail, e);
    }
  }

  private static String exitCode(Process process) {
    return process.isAlive() ? "still running" : "exit code " + process.exitValue();
  }

  /** Kills the browser and its helpers (renderer, GPU, zygote): the children first, while they are known. */
  private static void kill(Process process, Path profile) {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : family) {
      child.destroyForcibly();
    }
    deleteQuietly(profile);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing to remove
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a leftover temp directory is harmless
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "HeadlessChromium[pid " + process.pid() + ", " + Objects.toString(sessionId, "no tab") + "]";
  }
}
