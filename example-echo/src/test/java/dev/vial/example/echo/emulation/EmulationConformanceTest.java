package dev.vial.example.echo.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.example.echo.EchoLambda;
import dev.vial.lambda.gateway.EmulationOptions;
import dev.vial.lambda.gateway.GatewayEmulation;
import dev.vial.lambda.gateway.GatewayKind;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulation is the test kit's Lambda transport over a socket: for each service, the echo app's
 * Lambda handler behind {@link GatewayEmulation} on a local server, reached with {@code java.net.http},
 * gives the answers the test kit's in-process Lambda transport gives for the same request (status,
 * content type, cookies, redirect target, body; {@code /echo}'s header list aside, since a real client
 * sends its own headers).
 */
class EmulationConformanceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<AutoCloseable> OPEN = new ArrayList<>();

  /** An emulated service on a socket and the test kit transport it must agree with. */
  record Pair(String name, TestClient emulated, TestClient testKit) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Pair> PAIRS = new ArrayList<>();

  @BeforeAll
  static void startEveryEmulatedService() {
    pair(EmulationOptions.of(GatewayKind.REST).withStage("prod"), Transport.REST_V1);
    pair(EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"), Transport.HTTP_API_V2);
    pair(EmulationOptions.of(GatewayKind.HTTP_API), Transport.HTTP_API_V2_DEFAULT_STAGE);
    pair(EmulationOptions.of(GatewayKind.HTTP_API_V1), Transport.HTTP_API_V1);
    pair(EmulationOptions.of(GatewayKind.ALB), Transport.ALB);
    pair(EmulationOptions.of(GatewayKind.ALB_MULTI_VALUE), Transport.ALB_MULTI_VALUE);
    pair(EmulationOptions.of(GatewayKind.FUNCTION_URL), Transport.FUNCTION_URL);
  }

  private static void pair(EmulationOptions options, Transport transport) {
    RunningServer server = LocalServer.start(GatewayEmulation.app(new EchoLambda(), options),
        ServerOptions.defaults().withPort(0).withMaxBodyBytes(EmulationOptions.GATEWAY_MAX_BODY_BYTES));
    String base = server.url() + options.entryPath();
    TestClient emulated = TestClient.http(URI.create(base), server);
    OPEN.add(emulated);
    PAIRS.add(new Pair(options.describe(), emulated, TestClient.lambda(new EchoLambda(), transport)));
  }

  @AfterAll
  static void stopThem() throws Exception {
    for (AutoCloseable open : OPEN) {
      open.close();
    }
  }

  static Stream<Arguments> requests() {
    List<TestRequest> requests = List.of(
        TestRequest.get("/"),
        TestRequest.head("/"),
        TestRequest.get("/echo/caf%C3%A9%20au%20lait/c++?q=x%2By+z&q=2&empty="),
        TestRequest.get("/echo/a%2Fb"),
        TestRequest.of("PUT", "/echo/t").body("naïve ☕", "text/plain; charset=utf-8"),
        TestRequest.post("/echo/b", "", "x").body(new byte[] {0, (byte) 0xff, 0x10, (byte) 0x80}, "application/octet-stream"),
        TestRequest.get("/echo").cookie("a", "1").cookie("b", "2"),
        TestRequest.get("/users/42"),
        TestRequest.get("/users/abc"),
        TestRequest.post("/json", "{ \"a\" : [1, 2.5, \"☕\"], \"b\": null }", "application/json"),
        TestRequest.post("/json", "{\"a\":", "application/json"),
        TestRequest.get("/binary?size=70000"),
        TestRequest.get("/cookies"),
        TestRequest.get("/unicode"),
        TestRequest.get("/error"),
        TestRequest.get("/redirect"),
        TestRequest.get("/links"),
        TestRequest.of("DELETE", "/users/1"),
        TestRequest.of("OPTIONS", "/users/1"),
        TestRequest.get("/no/such/thing"));
    // built lazily: the pairs exist once @BeforeAll ran, and JUnit resolves arguments after it
    return requests.stream().flatMap(request -> PAIRS.stream().map(pair -> Arguments.of(pair, request)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("requests")
  void theEmulatedServiceAnswersAsTheTestKitsLambdaTransport(Pair pair, TestRequest request) throws Exception {
    TestResponse overSocket = pair.emulated().send(request);
    TestResponse inProcess = pair.testKit().send(request);

    assertThat(overSocket.status()).isEqualTo(inProcess.status());
    assertThat(overSocket.contentType()).isEqualTo(inProcess.contentType());
    assertThat(overSocket.setCookies()).isEqualTo(inProcess.setCookies());
    assertThat(overSocket.header("Location")).isEqualTo(inProcess.header("Location"));
    assertThat(overSocket.header("Allow")).isEqualTo(inProcess.header("Allow"));
    if (request.rawPath().startsWith("/echo")) {
      ObjectNode socketEcho = (ObjectNode) MAPPER.readTree(overSocket.body());
      ObjectNode kitEcho = (ObjectNode) MAPPER.readTree(inProcess.body());
      socketEcho.remove("headers");
      kitEcho.remove("headers");
      assertThat(socketEcho).isEqualTo(kitEcho);
    } else {
      assertThat(overSocket.body()).isEqualTo(inProcess.body());
    }
  }
}
