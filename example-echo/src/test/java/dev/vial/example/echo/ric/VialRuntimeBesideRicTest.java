package dev.vial.example.echo.ric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.LambdaRuntimeApi;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same events through AWS's runtime interface client and through Vial's own loop in buffered mode, side by
 * side: every HTTP answer must be the same envelope, streamed routes included (collected by the adapter).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VialRuntimeBesideRicTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<TestRequest> REQUESTS = List.of(
      TestRequest.get("/"),
      TestRequest.get("/users/42"),
      TestRequest.post("/json", "{\"name\":\"Ada\",\"n\":1.5}", "application/json"),
      TestRequest.get("/cookies"),
      TestRequest.get("/binary?size=300"),
      TestRequest.get("/error"),
      TestRequest.get("/stream?chunks=3&delayMs=5"),
      TestRequest.get("/sse?events=2"),
      TestRequest.get("/stream?chunks=1000"));

  private RuntimeApiServer ricApi;
  private RicProcess ric;
  private LambdaRuntimeApi vialApi;
  private VialRuntimeProcess vial;

  @BeforeAll
  void start(@TempDir Path scratch) throws Exception {
    ricApi = RuntimeApiServer.start(RicProcess.FUNCTION_NAME);
    ric = RicProcess.start(System.getProperty("java.class.path"), Files.createDirectory(scratch.resolve("task")),
        scratch, EchoLambdaUnderRicContract.HANDLER, ricApi.address());
    ric.onExit(code -> ricApi.runtimeExited("The RIC exited with code " + code + ":\n" + ric.log()));
    vialApi = LambdaRuntimeApi.start();
    vial = VialRuntimeProcess.start(vialApi.address(), "buffered");
  }

  @AfterAll
  void stop() throws Exception {
    ric.close();
    ricApi.close();
    vialApi.close();
    vial.close();
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void bothRuntimesAnswerEveryRequestWithTheSameEnvelope(Transport transport) throws Exception {
    for (TestRequest request : REQUESTS) {
      byte[] event = TestClient.event(request, transport);

      RuntimeApiServer.Outcome byRic = ricApi.invoke(event, WAIT);
      LambdaRuntimeApi.Answer byVial = vialApi.send(event).await(WAIT);

      assertThat(byRic.isError()).as("RIC error for %s: %s", request, byRic.payloadText()).isFalse();
      assertThat(byVial.kind()).as("%s", request).isEqualTo(LambdaRuntimeApi.Kind.BUFFERED);
      assertThat(byVial.violations()).isEmpty();
      JsonNode ricEnvelope = JSON.readTree(byRic.payload());
      assertThat(JSON.readTree(byVial.body())).as("%s %s", transport, request).isEqualTo(ricEnvelope);
      if (request.rawPath().startsWith("/stream") && !request.target().contains("1000")) {
        assertThat(ricEnvelope.path("body").asText()).isEqualTo("chunk 1\nchunk 2\nchunk 3\n");
      }
    }
  }

  @Test
  void bothRuntimesReportANonHttpEventAsTheSameFunctionError() throws Exception {
    byte[] sqs = "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);

    RuntimeApiServer.Outcome byRic = ricApi.invoke(sqs, WAIT);
    LambdaRuntimeApi.Answer byVial = vialApi.send(sqs).await(WAIT);

    assertThat(byRic.isError()).isTrue();
    assertThat(byVial.kind()).isEqualTo(LambdaRuntimeApi.Kind.ERROR);
    assertThat(byVial.errorType()).isEqualTo(byRic.errorType());
    JsonNode ricError = JSON.readTree(byRic.payload());
    JsonNode vialError = JSON.readTree(byVial.body());
    assertThat(vialError.path("errorType")).isEqualTo(ricError.path("errorType"));
    assertThat(vialError.path("errorMessage")).isEqualTo(ricError.path("errorMessage"));
  }
}
