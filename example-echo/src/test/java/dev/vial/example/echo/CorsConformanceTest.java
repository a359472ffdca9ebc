package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The echo app's CORS policy and its {@code urlFor} links, through every front door: in memory, over HTTP,
 * and as every Lambda event shape (HTTP APIs lower-case and comma-join request headers, an ALB without
 * multi-value headers keeps one value per header; each answer must still come out the same).
 */
class CorsConformanceTest {

  private static final Map<Transport, TestClient> CLIENTS = new EnumMap<>(Transport.class);

  @BeforeAll
  static void startEveryFrontDoor() {
    for (Transport transport : Transport.values()) {
      CLIENTS.put(transport, TestClient.of(transport, EchoApp.create()));
    }
  }

  @AfterAll
  static void stopEveryFrontDoor() {
    for (TestClient client : CLIENTS.values()) {
      client.close();
    }
  }

  private static TestResponse send(Transport transport, TestRequest request) {
    return CLIENTS.get(transport).send(request);
  }

  private static TestRequest preflight(String path, String origin, String method) {
    return TestRequest.of("OPTIONS", path).header("Origin", origin).header("Access-Control-Request-Method", method);
  }

  private static void assertNoCorsHeaders(TestResponse response) {
    for (String name : response.headers().names()) {
      assertThat(name.toLowerCase(Locale.ROOT)).doesNotStartWith("access-control-");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anAllowedPreflightIsAnswered204(Transport transport) {
    TestResponse response = send(transport, preflight("/json", "https://app.example", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-requested-with"));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, DELETE");
    assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-requested-with");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.headers().all("Vary")).containsExactly("Origin");
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aPreflightOnAPathWithItsOwnOptionsRouteNeverReachesTheHandler(Transport transport) {
    TestResponse response = send(transport, preflight("/echo/x", "https://a.app.example", "PUT")
        .header("Access-Control-Request-Headers", "Content-Type"));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://a.app.example");
    assertThat(response.body()).as("the echo handler would have answered JSON").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aPreflightAskingForTwoHeadersInTwoFieldsIsReadAsOneList(Transport transport) {
    // HTTP APIs and Function URLs join the fields with a comma; an ALB without multi-value headers keeps the
    // last one. Either way every name that arrives is allowed.
    TestResponse response = send(transport, preflight("/json", "https://app.example", "PUT")
        .header("Access-Control-Request-Headers", "content-type")
        .header("Access-Control-Request-Headers", "x-requested-with"));

    assertThat(response.status()).isEqualTo(204);
    String expected = transport == Transport.ALB ? "x-requested-with" : "content-type, x-requested-with";
    assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDisallowedPreflightIs403JsonWithoutCorsHeaders(Transport transport) {
    TestResponse origin = send(transport, preflight("/json", "https://a.b.app.example", "POST"));
    TestResponse method = send(transport, preflight("/json", "https://app.example", "PATCH"));
    TestResponse header = send(transport, preflight("/json", "https://app.example", "POST")
        .header("Access-Control-Request-Headers", "authorization"));

    for (TestResponse refused : new TestResponse[] {origin, method, header}) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.contentType()).isEqualTo("application/json");
      assertThat(refused.bodyText()).startsWith("{\"error\":\"CORS preflight refused: ");
      assertNoCorsHeaders(refused);
    }
    assertThat(origin.bodyText()).isEqualTo("{\"error\":\"CORS preflight refused: origin not allowed\",\"status\":403}");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anAllowedOriginGetsTheCorsHeadersOnTheActualRequest(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/users/42").header("Origin", "https://x-1.app.example"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"id\":42}");
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://x-1.app.example");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
    assertThat(response.headers().all("Vary")).containsExactly("Origin, Accept-Encoding") /* the app also compresses JSON */;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDisallowedOriginGetsItsNormalAnswerWithoutCorsHeaders(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/users/42").header("Origin", "https://evil.example"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"id\":42}");
    assertNoCorsHeaders(response);
    assertThat(response.headers().all("Vary")).containsExactly("Origin, Accept-Encoding") /* the app also compresses JSON */;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void errorAnswersFromAnAllowedOriginCarryTheCorsHeaders(Transport transport) {
    TestResponse notFound = send(transport, TestRequest.get("/no/such/thing").header("Origin", "https://app.example"));
    TestResponse notAllowed = send(transport, TestRequest.of("DELETE", "/users/1").header("Origin", "https://app.example"));
    TestResponse failed = send(transport, TestRequest.get("/error").header("Origin", "https://app.example"));

    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(failed.status()).isEqualTo(500);
    for (TestResponse error : new TestResponse[] {notFound, notAllowed, failed}) {
      assertThat(error.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
      assertThat(error.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void linksAreBuiltWithUrlForUnderTheMountPath(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/links"));

    String prefix = switch (transport) {
      case REST_V1 -> "/prod";      // the REST API stage
      case HTTP_API_V2 -> "/dev";   // the named HTTP API stage
      default -> "";
    };
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"home\":\"" + prefix + "/\",\"user\":\"" + prefix + "/users/42\","
        + "\"echo\":\"" + prefix + "/echo/a%20b/c%3Fd\",\"search\":\"" + prefix + "/?q=x%20y\"}");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aLinkFollowedThroughTheSameFrontDoorReachesItsRouteWithTheSameValue(Transport transport) {
    String rest = "a b/c?d#e%f+g;h=i&j@k:l!$'()*,ü✓";
    String link = EchoApp.create().urlFor("echo-rest", "rest", rest, "q", "x y+z&w");

    TestResponse response = send(transport, TestRequest.get(link));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("\"pathParams\":{\"rest\":\"" + rest + "\"}");
    assertThat(response.bodyText()).contains("\"query\":{\"q\":[\"x y+z&w\"]}");
  }
}
