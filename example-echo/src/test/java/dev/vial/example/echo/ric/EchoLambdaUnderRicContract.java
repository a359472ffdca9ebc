package dev.vial.example.echo.ric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestEvents;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code EchoLambda} must do under AWS's real Runtime Interface Client, whatever way it is deployed:
 * answer every HTTP event source with the proxy response that source reads, answer every service event the
 * app registers, and report anything else as a function error without losing the execution environment. Subclasses say how the function is deployed.
 * One RIC JVM serves every test of a class, as one warm Lambda execution environment would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class EchoLambdaUnderRicContract {

  static final String HANDLER = "dev.vial.example.echo.EchoLambda::handleRequest";
  /** Covers the JVM's start on the first invocation; a warm one takes milliseconds. */
  private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A real SQS delivery from a queue the echo app does not register. */
  private static final String SQS_EVENT = """
      {"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d",
        "receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
        "body":"hello from SQS",
        "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1545082649183",
          "SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1545082649185"},
        "messageAttributes":{},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3",
        "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:my-queue",
        "awsRegion":"us-east-1"}]}
      """;

  private RuntimeApiServer api;
  private RicProcess runtime;

  /** Prints what the runtime logged when a test fails: the RIC's own errors only show up there. */
  @RegisterExtension
  final TestWatcher printRuntimeLogOnFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (runtime != null) {
        System.err.println("---- RIC log (" + context.getDisplayName() + ") ----\n" + runtime.log() + "---- end of RIC log ----");
      }
    }
  };

  /**
   * Starts the RIC with {@link RicProcess#start} for {@link #HANDLER}, deployed the subclass's way.
   *
   * @param scratch a private directory for the task root, the JNI library and the log
   * @param runtimeApi the value for {@code AWS_LAMBDA_RUNTIME_API}
   */
  abstract RicProcess startRuntime(Path scratch, String runtimeApi) throws IOException;

  /** {@code scratch} outlives {@link #stopRuntimeAndApi}, so the JVM is gone before it is deleted. */
  @BeforeAll
  void startRuntimeAndApi(@TempDir Path scratch) throws IOException {
    api = RuntimeApiServer.start(RicProcess.FUNCTION_NAME);
    runtime = startRuntime(scratch, api.address());
    runtime.onExit(code -> api.runtimeExited("The runtime exited with code " + code + "; its log:\n" + runtime.log()));
  }

  @AfterAll
  void stopRuntimeAndApi() {
    if (runtime != null) {
      runtime.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void answersTheHomePageAsPlainText(Transport source) throws Exception {
    JsonNode response = send(TestRequest.get("/"), source);

    assertStatus(response, source, 200, "200 OK");
    assertThat(header(response, "Content-Type")).startsWith("text/plain");
    assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(response.path("body").asText()).isEqualTo("hello");
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void routesATypedPathParameter(Transport source) throws Exception {
    JsonNode response = send(TestRequest.get("/users/42"), source);

    assertStatus(response, source, 200, "200 OK");
    assertThat(JSON.readTree(response.path("body").asText())).isEqualTo(JSON.readTree("{\"id\":42}"));
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void echoesAPostedJsonBody(Transport source) throws Exception {
    String document = "{\"name\":\"Ada\",\"tags\":[\"x\",\"ü\"],\"n\":1.5}";

    JsonNode response = send(TestRequest.post("/json", document, "application/json"), source);

    assertStatus(response, source, 200, "200 OK");
    assertThat(header(response, "Content-Type")).startsWith("application/json");
    assertThat(JSON.readTree(response.path("body").asText())).isEqualTo(JSON.readTree(document));
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void putsEachCookieWhereItsSourceReadsCookies(Transport source) throws Exception {
    JsonNode response = send(TestRequest.get("/cookies"), source);

    assertStatus(response, source, 200, "200 OK");
    assertThat(setCookies(response, source)).containsExactly(
        "session=abc; Path=/; HttpOnly",
        "theme=dark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/");
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void base64EncodesABinaryBody(Transport source) throws Exception {
    JsonNode response = send(TestRequest.get("/binary?size=300"), source);

    assertStatus(response, source, 200, "200 OK");
    assertThat(header(response, "Content-Type")).isEqualTo("application/octet-stream");
    assertThat(response.path("isBase64Encoded").asBoolean()).isTrue();
    byte[] body = Base64.getDecoder().decode(response.path("body").asText());
    assertThat(body).hasSize(300);
    for (int i = 0; i < body.length; i++) {
      assertThat(body[i]).as("byte %d", i).isEqualTo((byte) i);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void answersAFailingRouteWithTheFrameworks500NotAFunctionError(Transport source) throws Exception {
    JsonNode response = send(TestRequest.get("/error"), source);

    assertStatus(response, source, 500, "500 Internal Server Error");
    assertThat(response.path("body").asText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  static Stream<Arguments> serviceEvents() {
    return Stream.of(
        Arguments.of(TestEvents.sqs("echo-queue", "a", "fail"), "{\"batchItemFailures\":[{\"itemIdentifier\":\""
            + TestEvents.sqsMessageId(2) + "\"}]}"),
        Arguments.of(TestEvents.sqsFifo("echo-queue", "g", "fail", "b"), "{\"batchItemFailures\":[{\"itemIdentifier\":\""
            + TestEvents.sqsMessageId(1) + "\"},{\"itemIdentifier\":\"" + TestEvents.sqsMessageId(2) + "\"}]}"),
        Arguments.of(TestEvents.kinesis("echo-stream", "ok", "fail"), "{\"batchItemFailures\":[{\"itemIdentifier\":\""
            + TestEvents.kinesisSequenceNumber(2) + "\"}]}"),
        Arguments.of(TestEvents.dynamodb("echo-table", Map.of("id", "1", "fail", true)),
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + TestEvents.dynamodbSequenceNumber(1) + "\"}]}"),
        Arguments.of(TestEvents.s3("echo-bucket", "a b.txt"), "{\"source\":\"s3\",\"records\":[{\"event\":"
            + "\"ObjectCreated:Put\",\"bucket\":\"echo-bucket\",\"key\":\"a b.txt\",\"size\":1024}]}"),
        Arguments.of(TestEvents.sns("echo-topic", "s", "m"), "{\"source\":\"sns\",\"records\":[{\"topic\":"
            + "\"echo-topic\",\"subject\":\"s\",\"message\":\"m\"}]}"),
        Arguments.of(TestEvents.schedule("echo-nightly"),
            "{\"source\":\"schedule\",\"name\":\"echo-nightly\",\"time\":\"2026-01-01T00:00:00Z\"}"),
        Arguments.of(TestEvents.scheduler("echo-hourly"),
            "{\"source\":\"schedule\",\"name\":\"echo-hourly\",\"time\":\"2026-01-01T00:00:00Z\"}"),
        Arguments.of(TestEvents.eventBridge("echo.app", "Ping", "{\"n\":1}"),
            "{\"source\":\"eventbridge\",\"detailType\":\"Ping\",\"detail\":{\"n\":1}}"));
  }

  @ParameterizedTest
  @MethodSource("serviceEvents")
  void answersServiceEventsThroughTheSameHandler(String event, String expected) throws Exception {
    RuntimeApiServer.Outcome outcome = api.invoke(event.getBytes(StandardCharsets.UTF_8), INVOKE_TIMEOUT);

    assertThat(outcome.isError()).as("%s: %s", outcome.errorType(), outcome.payloadText()).isFalse();
    assertThat(JSON.readTree(outcome.payload())).isEqualTo(JSON.readTree(expected));
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void keepsASessionInASignedCookieThatComesBack(Transport source) throws Exception {
    JsonNode first = send(TestRequest.get("/session"), source);

    assertStatus(first, source, 200, "200 OK");
    List<String> cookies = setCookies(first, source);
    assertThat(cookies).hasSize(1);
    String value = cookies.get(0).substring("session=".length(), cookies.get(0).indexOf(';'));
    JsonNode second = send(TestRequest.get("/session").cookie("session", value), source);
    assertThat(second.path("body").asText()).isEqualTo("{\"count\":2}");
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = {"IN_MEMORY", "HTTP"})
  void readsAMultipartUploadThatArrivesBase64Encoded(Transport source) throws Exception {
    byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + 256 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    for (int i = 0; i < 256; i++) {
      body[head.length + i] = (byte) i;
    }
    System.arraycopy(tail, 0, body, head.length + 256, tail.length);

    JsonNode response = send(TestRequest.of("POST", "/upload").body(body, "multipart/form-data; boundary=b"), source);

    assertStatus(response, source, 200, "200 OK");
    assertThat(response.path("body").asText()).isEqualTo("{\"fields\":{},\"files\":[{\"field\":\"f\",\"filename\":"
        + "\"x.bin\",\"contentType\":\"application/octet-stream\",\"size\":256,\"sha256\":"
        + "\"40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880\"}]}");
  }

  @Test
  void reportsAnUnmatchedServiceEventAsAFunctionErrorAndServesTheNextEvent() throws Exception {
    RuntimeApiServer.Outcome outcome = api.invoke(SQS_EVENT.getBytes(StandardCharsets.UTF_8), INVOKE_TIMEOUT);

    assertThat(outcome.isError()).as("the runtime posted to /error").isTrue();
    assertThat(outcome.errorType()).isEqualTo("Runtime.UserException");
    JsonNode error = JSON.readTree(outcome.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("dev.vial.lambda.events.ServiceEventException");
    assertThat(error.path("errorMessage").asText())
        .startsWith("No registration matches SQS my-queue, 1 record; registered: SQS queue echo-queue");

    JsonNode next = send(TestRequest.get("/"), Transport.HTTP_API_V2);
    assertThat(next.path("statusCode").asInt()).isEqualTo(200);
    assertThat(next.path("body").asText()).isEqualTo("hello");
  }

  static Stream<Path> sharedServiceEvents() throws IOException {
    Path shared = Path.of("../../shared/service-events");
    Assumptions.assumeTrue(Files.isDirectory(shared), "shared service-events folder " + shared.toAbsolutePath()
        + " is absent");
    try (Stream<Path> files = Files.walk(shared)) {
      return files.filter(file -> file.toString().endsWith(".json"))
          .filter(file -> !file.getFileName().toString().startsWith("response-")).sorted().toList().stream();
    }
  }

  /**
   * The real samples name queues, topics and tables the echo app does not register: under the RIC each must
   * fail as a function error naming what arrived (WebSocket events: refused as such), and never take the
   * execution environment down.
   */
  @ParameterizedTest
  @MethodSource("sharedServiceEvents")
  void reportsEverySharedSampleItDoesNotRegisterAsAFunctionError(Path file) throws Exception {
    RuntimeApiServer.Outcome outcome = api.invoke(Files.readAllBytes(file), INVOKE_TIMEOUT);

    assertThat(outcome.isError()).as("%s answered %s", file, outcome.payloadText()).isTrue();
    JsonNode error = JSON.readTree(outcome.payload());
    if (JSON.readTree(file.toFile()).path("requestContext").has("eventType")) {
      assertThat(error.path("errorType").asText()).isEqualTo("dev.vial.lambda.UnsupportedEventException");
    } else {
      assertThat(error.path("errorType").asText()).isEqualTo("dev.vial.lambda.events.ServiceEventException");
      assertThat(error.path("errorMessage").asText()).startsWith("No registration matches ");
    }
  }

  @Test
  void stillRefusesAWebSocketEvent() throws Exception {
    String webSocket = """
        {"requestContext":{"routeKey":"$connect","eventType":"CONNECT","connectionId":"abc=","stage":"dev",
          "apiId":"x","domainName":"x.execute-api.us-east-1.amazonaws.com"},"isBase64Encoded":false}
        """;
    RuntimeApiServer.Outcome outcome = api.invoke(webSocket.getBytes(StandardCharsets.UTF_8), INVOKE_TIMEOUT);

    assertThat(outcome.isError()).isTrue();
    JsonNode error = JSON.readTree(outcome.payload());
    assertThat(error.path("errorType").asText()).isEqualTo("dev.vial.lambda.UnsupportedEventException");
    assertThat(error.path("errorMessage").asText()).contains("WebSocket");
  }

  /** Sends {@code request} as {@code source} delivers it and returns the proxy response the function answered. */
  private JsonNode send(TestRequest request, Transport source) throws IOException, TimeoutException, InterruptedException {
    RuntimeApiServer.Outcome outcome = api.invoke(TestClient.event(request, source), INVOKE_TIMEOUT);
    assertThat(outcome.isError())
        .as("%s %s failed with %s: %s", source, request, outcome.errorType(), outcome.payloadText())
        .isFalse();
    JsonNode response = JSON.readTree(outcome.payload());
    assertThat(response.path("statusCode").isInt()).as("statusCode in %s", response).isTrue();
    return response;
  }

  /** The status, and for ALB also the status line it requires ({@code statusDescription}). */
  private static void assertStatus(JsonNode response, Transport source, int status, String statusLine) {
    assertThat(response.path("statusCode").asInt()).as("statusCode of %s", response).isEqualTo(status);
    if (source == Transport.ALB || source == Transport.ALB_MULTI_VALUE) {
      assertThat(response.path("statusDescription").asText()).isEqualTo(statusLine);
    } else {
      assertThat(response.has("statusDescription")).as("statusDescription in %s", response).isFalse();
    }
  }

  /** The first value of header {@code name} in {@code headers} or {@code multiValueHeaders}, ignoring case. */
  private static String header(JsonNode response, String name) {
    List<String> values = valuesOf(response.path("headers"), name);
    values.addAll(valuesOf(response.path("multiValueHeaders"), name));
    assertThat(values).as("%s in %s", name, response).isNotEmpty();
    return values.get(0);
  }

  /**
   * The cookies from the one field {@code source} reads them from, after checking no other field holds any:
   * HTTP API 2.0 and Function URLs read {@code cookies}; REST, HTTP API 1.0 and multi-value ALB read
   * {@code multiValueHeaders}; single-value ALB reads {@code headers}, one case variant of the name per cookie.
   */
  private static List<String> setCookies(JsonNode response, Transport source) {
    List<String> inHeaders = valuesOf(response.path("headers"), "Set-Cookie");
    List<String> inMultiValueHeaders = valuesOf(response.path("multiValueHeaders"), "Set-Cookie");
    List<String> inCookies = new ArrayList<>();
    response.path("cookies").forEach(cookie -> inCookies.add(cookie.asText()));
    return switch (source) {
      case HTTP_API_V2, HTTP_API_V2_DEFAULT_STAGE, FUNCTION_URL -> {
        assertThat(inHeaders).as("Set-Cookie in headers").isEmpty();
        assertThat(response.has("multiValueHeaders")).isFalse();
        yield inCookies;
      }
      case REST_V1, HTTP_API_V1, ALB_MULTI_VALUE -> {
        assertThat(inHeaders).as("Set-Cookie in headers").isEmpty();
        assertThat(response.has("cookies")).isFalse();
        yield inMultiValueHeaders;
      }
      case ALB -> {
        assertThat(response.has("multiValueHeaders")).isFalse();
        assertThat(response.has("cookies")).isFalse();
        yield inHeaders;
      }
      default -> throw new IllegalArgumentException(source + " is not a Lambda event source");
    };
  }

  /** Every value under a field named {@code name} in any case; arrays give all their elements. */
  private static List<String> valuesOf(JsonNode headers, String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : headers.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        if (field.getValue().isArray()) {
          field.getValue().forEach(value -> values.add(value.asText()));
        } else {
          values.add(field.getValue().asText());
        }
      }
    }
    return values;
  }
}
