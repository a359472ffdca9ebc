package dev.vial.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.Responses;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.runtime.RuntimeLoop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Vial's runtime loop against a Runtime API that checks Lambda's streaming protocol. */
@Timeout(60)
class VialRuntimeLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Released by the test once it has received the first chunk. */
  static volatile CountDownLatch firstChunkSeen = new CountDownLatch(1);

  /** The function: a stream that waits for the test between its parts, and one that fails midway. */
  public static final class Streams extends LambdaHandler {
    /** Lambda's no-argument constructor. */
    public Streams() {
      super(app());
    }

    private static App app() {
      App app = new App();
      app.get("/handshake", req -> Responses.stream("text/plain", out -> {
        out.write("one\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        boolean seen = firstChunkSeen.await(30, TimeUnit.SECONDS);
        out.write((seen ? "two\n" : "first chunk never arrived\n").getBytes(StandardCharsets.UTF_8));
      }));
      app.get("/breaks", req -> Responses.stream("text/plain", out -> {
        out.write("partial\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        throw new IllegalStateException("the feed broke");
      }));
      return app;
    }
  }

  private LambdaRuntimeApi api;
  private Thread loop;

  @AfterEach
  void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (loop != null) {
      loop.join(10_000);
    }
  }

  private Map<String, String> env(String handler, String mode) throws Exception {
    api = LambdaRuntimeApi.start();
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", handler);
    env.put(RuntimeLoop.RESPONSE_MODE_VARIABLE, mode);
    return env;
  }

  private void run(Map<String, String> env) {
    loop = new Thread(() -> {
      try {
        RuntimeLoop.start(env, () -> null).run();
      } catch (Exception apiClosed) {
        // the test closed the Runtime API
      }
    });
    loop.setDaemon(true);
    loop.start();
  }

  private LambdaRuntimeApi.Invocation get(String path) {
    return api.send(TestClient.event(TestRequest.get(path), Transport.FUNCTION_URL));
  }

  @Test
  void theFirstChunkReachesLambdaBeforeTheHandlerWritesTheSecond() throws Exception {
    run(env(Streams.class.getName() + "::handleRequest", "streaming"));
    firstChunkSeen = new CountDownLatch(1);

    LambdaRuntimeApi.Invocation call = get("/handshake");
    StringBuilder received = new StringBuilder();
    while (!received.toString().contains("one\n")) {
      LambdaRuntimeApi.Chunk chunk = call.nextChunk(WAIT);
      assertThat(chunk).as("chunks so far: %s", received).isNotNull();
      received.append(chunk.text());
    }
    firstChunkSeen.countDown(); // only now may the handler write its second part
    LambdaRuntimeApi.Answer answer = call.await(WAIT);

    assertThat(answer.violations()).isEmpty();
    assertThat(answer.httpBodyText()).isEqualTo("one\ntwo\n");
    assertThat(answer.trailers()).isEmpty();
  }

  @Test
  void aFailureAfterTheFirstByteIsReportedInTheTrailers() throws Exception {
    run(env(Streams.class.getName() + "::handleRequest", "streaming"));

    LambdaRuntimeApi.Answer answer = get("/breaks").await(WAIT);

    assertThat(answer.kind()).isEqualTo(LambdaRuntimeApi.Kind.STREAMED);
    assertThat(answer.violations()).isEmpty();
    assertThat(answer.headers().get("trailer"))
        .isEqualTo("Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
    assertThat(answer.httpBodyText()).isEqualTo("partial\n");
    assertThat(answer.trailers()).containsEntry("lambda-runtime-function-error-type", "java.lang.IllegalStateException");
    JsonNode error = JSON.readTree(Base64.getDecoder().decode(answer.trailers().get("lambda-runtime-function-error-body")));
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("errorMessage").asText()).isEqualTo("the feed broke");

    // the loop serves the next invocation
    firstChunkSeen.countDown();
    assertThat(get("/handshake").await(WAIT).httpBodyText()).startsWith("one\n");
  }

  @Test
  void aHandlerThatCannotBeCreatedIsAnInitError() throws Exception {
    Map<String, String> env = env("dev.vial.NoSuchHandler::handleRequest", "streaming");

    assertThatThrownBy(() -> RuntimeLoop.start(env, () -> null)).hasMessageContaining("Function init failed");

    JsonNode error = JSON.readTree(api.awaitInitError(WAIT));
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
    assertThat(error.path("errorMessage").asText()).contains("dev.vial.NoSuchHandler");
  }

  @Test
  void aBadResponseModeIsAnInitError() throws Exception {
    Map<String, String> env = env(Streams.class.getName(), "fast");

    assertThatThrownBy(() -> RuntimeLoop.start(env, () -> null)).hasMessageContaining("Function init failed");

    assertThat(api.awaitInitError(WAIT)).contains("VIAL_LAMBDA_RESPONSE_MODE");
  }

  @Test
  void underSnapStartItWaitsForTheRestoreBeforeServing() throws Exception {
    Map<String, String> env = env(Streams.class.getName(), "buffered");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
    run(env);

    assertThat(api.awaitRestoreNext(WAIT)).isTrue();
    LambdaRuntimeApi.Answer answer = get("/breaks").await(WAIT);
    assertThat(answer.kind()).as("buffered mode collects, so the failure is the app's 500").isEqualTo(LambdaRuntimeApi.Kind.BUFFERED);
    assertThat(JSON.readTree(answer.body()).path("statusCode").asInt()).isEqualTo(500);
  }
}
