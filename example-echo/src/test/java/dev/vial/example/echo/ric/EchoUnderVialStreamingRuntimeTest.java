package dev.vial.example.echo.ric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.LambdaRuntimeApi;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The echo app behind a {@code RESPONSE_STREAM} Function URL: Vial's runtime loop in streaming mode against a
 * Runtime API that checks the streaming protocol and records each chunk's arrival.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class EchoUnderVialStreamingRuntimeTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private LambdaRuntimeApi api;
  private VialRuntimeProcess runtime;

  @BeforeAll
  void start() throws Exception {
    api = LambdaRuntimeApi.start();
    runtime = VialRuntimeProcess.start(api.address(), "streaming");
  }

  @AfterAll
  void stop() throws Exception {
    api.close();
    runtime.close();
  }

  private LambdaRuntimeApi.Invocation send(String path, Transport transport) {
    return api.send(TestClient.event(TestRequest.get(path), transport));
  }

  private LambdaRuntimeApi.Answer streamed(String path) throws Exception {
    LambdaRuntimeApi.Answer answer = send(path, Transport.FUNCTION_URL).await(WAIT);
    assertThat(answer.kind()).isEqualTo(LambdaRuntimeApi.Kind.STREAMED);
    assertThat(answer.violations()).isEmpty();
    assertThat(answer.headers()).containsEntry("lambda-runtime-function-response-mode", "streaming")
        .containsEntry("transfer-encoding", "chunked")
        .containsEntry("content-type", "application/vnd.awslambda.http-integration-response");
    return answer;
  }

  @Test
  void streamsEachChunkAsTheHandlerWritesIt() throws Exception {
    LambdaRuntimeApi.Invocation call = send("/stream?chunks=3&delayMs=1000", Transport.FUNCTION_URL);
    List<LambdaRuntimeApi.Chunk> arrived = new ArrayList<>();
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains("chunk 3\n")) {
      LambdaRuntimeApi.Chunk chunk = call.nextChunk(WAIT);
      assertThat(chunk).as("a chunk within %s (seen so far: %s)", WAIT, seen).isNotNull();
      arrived.add(chunk);
      seen.append(chunk.text());
    }
    LambdaRuntimeApi.Answer answer = call.await(WAIT);

    assertThat(answer.violations()).isEmpty();
    assertThat(answer.trailers()).isEmpty();
    assertThat(answer.httpBodyText()).isEqualTo("chunk 1\nchunk 2\nchunk 3\n");
    long first = arrivalOf(arrived, "chunk 1");
    long second = arrivalOf(arrived, "chunk 2");
    long third = arrivalOf(arrived, "chunk 3");
    // one second of sleep separates the writes: a buffering runtime would deliver them together
    assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(Duration.ofNanos(third - second)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void beginsWithThePreludeCarryingStatusAndHeaders() throws Exception {
    LambdaRuntimeApi.Answer answer = streamed("/stream?chunks=2");

    JsonNode prelude = JSON.readTree(answer.preludeJson());
    assertThat(prelude.path("statusCode").asInt()).isEqualTo(200);
    assertThat(prelude.path("headers").path("Content-Type").asText()).isEqualTo("text/plain; charset=utf-8");
    assertThat(prelude.path("cookies").isArray()).isTrue();
    assertThat(answer.httpBodyText()).isEqualTo("chunk 1\nchunk 2\n");
  }

  @Test
  void streamsServerSentEvents() throws Exception {
    LambdaRuntimeApi.Answer answer = streamed("/sse?events=2&delayMs=10");

    JsonNode prelude = JSON.readTree(answer.preludeJson());
    assertThat(prelude.path("headers").path("Content-Type").asText()).isEqualTo("text/event-stream; charset=utf-8");
    assertThat(prelude.path("headers").path("Cache-Control").asText()).isEqualTo("no-cache");
    assertThat(answer.httpBodyText())
        .isEqualTo("id: 1\nevent: tick\ndata: {\"i\":1}\n\nid: 2\nevent: tick\ndata: {\"i\":2}\n\n");
  }

  @Test
  void answersEvenAnUnstreamedRouteInStreamingMode() throws Exception {
    LambdaRuntimeApi.Answer answer = streamed("/");

    assertThat(JSON.readTree(answer.preludeJson()).path("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.httpBodyText()).isEqualTo("hello");
  }

  @Test
  void putsCookiesInThePrelude() throws Exception {
    LambdaRuntimeApi.Answer answer = streamed("/cookies");

    JsonNode prelude = JSON.readTree(answer.preludeJson());
    assertThat(prelude.path("cookies")).extracting(JsonNode::asText).containsExactly(
        "session=abc; Path=/; HttpOnly", "theme=dark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/");
    assertThat(prelude.path("headers").has("Set-Cookie")).isFalse();
  }

  @Test
  void answersAFailingRouteWithTheAppsErrorStatusInThePrelude() throws Exception {
    LambdaRuntimeApi.Answer answer = streamed("/error");

    assertThat(JSON.readTree(answer.preludeJson()).path("statusCode").asInt()).isEqualTo(500);
    assertThat(answer.httpBodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
    assertThat(answer.trailers()).isEmpty();
  }

  @Test
  void answersABadRequestWith400InThePrelude() throws Exception {
    LambdaRuntimeApi.Answer answer = streamed("/stream?chunks=500");

    assertThat(JSON.readTree(answer.preludeJson()).path("statusCode").asInt()).isEqualTo(400);
  }

  @Test
  void answersHeadWithThePreludeOnly() throws Exception {
    LambdaRuntimeApi.Answer answer = api.send(TestClient.event(TestRequest.of("HEAD", "/stream?chunks=2"),
        Transport.FUNCTION_URL)).await(WAIT);

    assertThat(answer.kind()).isEqualTo(LambdaRuntimeApi.Kind.STREAMED);
    assertThat(JSON.readTree(answer.preludeJson()).path("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.httpBodyText()).isEmpty();
  }

  @Test
  void answersAServiceEventBufferedAsAFunctionError() throws Exception {
    byte[] sqs = "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);

    LambdaRuntimeApi.Answer answer = api.send(sqs).await(WAIT);

    assertThat(answer.kind()).isEqualTo(LambdaRuntimeApi.Kind.ERROR);
    assertThat(answer.errorType()).isEqualTo("Runtime.UserException");
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.path("errorType").asText()).isEqualTo("dev.vial.lambda.UnsupportedEventException");
    assertThat(error.path("errorMessage").asText()).contains("not an HTTP event");
    assertThat(error.path("stackTrace").isArray()).isTrue();
    // and the loop goes on
    assertThat(streamed("/").httpBodyText()).isEqualTo("hello");
  }

  private static long arrivalOf(List<LambdaRuntimeApi.Chunk> chunks, String text) {
    return chunks.stream().filter(c -> c.text().contains(text)).findFirst().orElseThrow().arrivedNanos();
  }
}
