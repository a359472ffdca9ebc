package dev.vial.example.echo.ric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Runtime API fixture, driven by a plain HTTP client playing the runtime. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RuntimeApiServerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient runtime = HttpClient.newBuilder().connectTimeout(WAIT).build();
  private final ExecutorService caller = Executors.newSingleThreadExecutor();
  private RuntimeApiServer api;

  @BeforeEach
  void start() throws Exception {
    api = RuntimeApiServer.start("fn");
  }

  @AfterEach
  void stop() {
    caller.shutdownNow();
    api.close();
  }

  @Test
  void deliversTheEventWithLambdasHeadersAndReturnsThePostedResponse() throws Exception {
    Future<RuntimeApiServer.Outcome> outcome = invokeInBackground("{\"n\":1}");

    HttpResponse<String> next = get("invocation/next");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).isEqualTo("{\"n\":1}");
    String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
        .isGreaterThan(System.currentTimeMillis());
    assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
        .hasValue("arn:aws:lambda:us-east-1:123456789012:function:fn");
    assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()).startsWith("Root=1-");

    assertThat(post("invocation/" + requestId + "/response", "{\"ok\":true}", null).statusCode()).isEqualTo(202);
    RuntimeApiServer.Outcome answered = outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(answered.isError()).isFalse();
    assertThat(answered.payloadText()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void returnsTheErrorDocumentAndTypePostedToError() throws Exception {
    Future<RuntimeApiServer.Outcome> outcome = invokeInBackground("{}");
    String requestId = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

    String document = "{\"errorType\":\"java.lang.RuntimeException\",\"errorMessage\":\"boom\"}";
    assertThat(post("invocation/" + requestId + "/error", document, "Runtime.UserException").statusCode()).isEqualTo(202);

    RuntimeApiServer.Outcome answered = outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(answered.isError()).isTrue();
    assertThat(answered.errorType()).isEqualTo("Runtime.UserException");
    assertThat(answered.payloadText()).isEqualTo(document);
  }

  @Test
  void refusesAnswersForUnknownOrAlreadyAnsweredRequestIdsWith400() throws Exception {
    assertThat(post("invocation/no-such-id/response", "{}", null).statusCode()).isEqualTo(400);
    assertThat(post("invocation/no-such-id/error", "{}", null).body()).contains("InvalidRequestID");

    Future<RuntimeApiServer.Outcome> outcome = invokeInBackground("{}");
    String requestId = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    assertThat(post("invocation/" + requestId + "/response", "1", null).statusCode()).isEqualTo(202);
    outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(post("invocation/" + requestId + "/response", "2", null).statusCode()).isEqualTo(400);
  }

  @Test
  void answersUnknownPathsWith404() throws Exception {
    assertThat(get("invocation/abc/status").statusCode()).isEqualTo(404);
    assertThat(post("invocation/abc/other", "{}", null).statusCode()).isEqualTo(404);
  }

  @Test
  void failsWaitingAndLaterInvocationsOnAnInitError() throws Exception {
    Future<RuntimeApiServer.Outcome> waiting = invokeInBackground("{}");
    awaitQueued();

    assertThat(post("init/error", "{\"errorMessage\":\"no handler\"}", "Runtime.BadFunctionCode").statusCode())
        .isEqualTo(202);

    assertThatThrownBy(() -> waiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("failed to initialise (Runtime.BadFunctionCode)")
        .hasMessageContaining("no handler");
    assertThatThrownBy(() -> api.invoke(new byte[0], WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no handler");
  }

  @Test
  void failsWaitingInvocationsWhenTheRuntimeExits() throws Exception {
    Future<RuntimeApiServer.Outcome> waiting = invokeInBackground("{}");
    awaitQueued();

    api.runtimeExited("The runtime exited with code 137");

    assertThatThrownBy(() -> waiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .hasMessageContaining("The runtime exited with code 137");
  }

  @Test
  void givesUpOnAnInvocationNobodyPollsForAfterItsTimeout() {
    assertThatThrownBy(() -> api.invoke("{}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(50)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("did not answer")
        .hasMessageContaining("within 50 ms");
  }

  private Future<RuntimeApiServer.Outcome> invokeInBackground(String event) {
    return caller.submit(() -> api.invoke(event.getBytes(StandardCharsets.UTF_8), WAIT));
  }

  /**
   * Waits until the background invocation is registered, by taking its event as the runtime would:
   * once {@code /next} answers, the invocation is in flight.
   */
  private void awaitQueued() throws Exception {
    assertThat(get("invocation/next").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return runtime.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (errorType != null) {
      request.header("Lambda-Runtime-Function-Error-Type", errorType);
    }
    return runtime.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
  }
}
