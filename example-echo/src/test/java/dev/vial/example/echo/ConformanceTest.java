package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The product's promise: every example-echo endpoint gives the same answer through every front door.
 * Each test runs once per {@link Transport}. Where a service changes what the app can see, the test
 * names the transport and the reason; there are no other exceptions.
 */
class ConformanceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<Transport, TestClient> CLIENTS = new EnumMap<>(Transport.class);

  @BeforeAll
  static void startEveryFrontDoor() {
    for (Transport transport : Transport.values()) {
      CLIENTS.put(transport, TestClient.of(transport, EchoApp.create()));
    }
  }

  @AfterAll
  static void stopEveryFrontDoor() throws Exception {
    for (TestClient client : CLIENTS.values()) {
      client.close();
    }
  }

  private static TestResponse send(Transport transport, TestRequest request) {
    return CLIENTS.get(transport).send(request);
  }

  private static JsonNode json(TestResponse response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.bodyText(), e);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rootSaysHelloInUtf8PlainText(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("hello");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void headAnswersWithTheGetHeadersAndNoBody(Transport transport) {
    TestResponse response = send(transport, TestRequest.head("/"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Length")).isEqualTo("5");
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void echoShowsTheDecodedPathParamsQueryAndCookies(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/echo/caf%C3%A9%20au%20lait/c++?q=x%2By+z&q=2&empty=")
        .cookie("session", "abc")
        .cookie("theme", "dark"));
    JsonNode echo = json(response);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(echo.get("method").asText()).isEqualTo("GET");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/café au lait/c++");
    assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/caf%C3%A9%20au%20lait/c++");
    assertThat(echo.get("pathParams").get("rest").asText()).isEqualTo("café au lait/c++");
    if (transport == Transport.ALB) {
      // An ALB without multi-value headers passes only the last value of a repeated parameter.
      assertThat(echo.get("query").toString()).isEqualTo("{\"q\":[\"2\"],\"empty\":[\"\"]}");
    } else {
      assertThat(echo.get("query").toString()).isEqualTo("{\"q\":[\"x+y z\",\"2\"],\"empty\":[\"\"]}");
    }
    assertThat(echo.get("cookies").toString()).isEqualTo("{\"session\":\"abc\",\"theme\":\"dark\"}");
    assertThat(echo.get("body").isNull()).isTrue();
    assertThat(echo.get("bodyBase64").isNull()).isTrue();
    assertThat(echo.get("contentLength").asInt()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void echoKeepsAnEncodedSlashInsideItsSegmentWhereTheServicePassesItThrough(Transport transport) {
    JsonNode echo = json(send(transport, TestRequest.get("/echo/a%2Fb")));

    assertThat(echo.get("pathParams").get("rest").asText()).isEqualTo("a/b");
    if (transport == Transport.HTTP_API_V2 || transport == Transport.HTTP_API_V2_DEFAULT_STAGE
        || transport == Transport.HTTP_API_V1) {
      // HTTP APIs decode the path before Lambda sees it: %2F has already become a separator.
      assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/a/b");
    } else {
      assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/a%2Fb");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void echoShowsRepeatedHeadersAsTheServiceDeliversThem(Transport transport) {
    JsonNode echo = json(send(transport, TestRequest.get("/echo").header("X-Test", "one").header("X-Test", "two")));

    String values = echo.get("headers").get("x-test").toString();
    switch (transport) {
      // HTTP APIs and Function URLs join repeated headers with commas (documented by AWS).
      case HTTP_API_V2, HTTP_API_V2_DEFAULT_STAGE, FUNCTION_URL -> assertThat(values).isEqualTo("[\"one,two\"]");
      // An ALB without multi-value headers passes only the last value.
      case ALB -> assertThat(values).isEqualTo("[\"two\"]");
      default -> assertThat(values).isEqualTo("[\"one\",\"two\"]");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void echoReturnsTextAndBinaryBodiesByteForByte(Transport transport) {
    byte[] binary = {0, 1, (byte) 0xfe, (byte) 0xff, 'a'};
    JsonNode text = json(send(transport, TestRequest.of("PUT", "/echo/t").body("naïve ☕", "text/plain; charset=utf-8")));
    JsonNode bytes = json(send(transport, TestRequest.post("/echo/b", "", "x").body(binary, "application/octet-stream")));

    assertThat(text.get("method").asText()).isEqualTo("PUT");
    assertThat(text.get("body").asText()).isEqualTo("naïve ☕");
    assertThat(text.get("contentLength").asInt()).isEqualTo("naïve ☕".getBytes(StandardCharsets.UTF_8).length);
    assertThat(bytes.get("body").isNull()).isTrue();
    assertThat(Base64.getDecoder().decode(bytes.get("bodyBase64").asText())).isEqualTo(binary);
    assertThat(bytes.get("contentLength").asInt()).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void usersTakeIntegerIdsOnly(Transport transport) {
    TestResponse found = send(transport, TestRequest.get("/users/42"));
    TestResponse notANumber = send(transport, TestRequest.get("/users/abc"));

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.bodyText()).isEqualTo("{\"id\":42}");
    assertThat(notANumber.status()).isEqualTo(404);
    assertThat(notANumber.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void jsonIsReserializedAndMalformedJsonIsA400(Transport transport) {
    TestResponse good = send(transport, TestRequest.post("/json", "{ \"a\" : [1, 2.5, \"☕\"], \"b\": null }",
        "application/json"));
    TestResponse bad = send(transport, TestRequest.post("/json", "{\"a\":", "application/json"));

    assertThat(good.status()).isEqualTo(200);
    assertThat(good.bodyText()).isEqualTo("{\"a\":[1,2.5,\"☕\"],\"b\":null}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(json(bad).get("status").asInt()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).contains("line 1");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void binaryReturnsTheExactBytes(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/binary?size=70000"));
    TestResponse tooBig = send(transport, TestRequest.get("/binary?size=5000001"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/octet-stream");
    assertThat(response.body()).hasSize(70000);
    for (int i = 0; i < response.body().length; i++) {
      assertThat(response.body()[i]).as("byte %d", i).isEqualTo((byte) i);
    }
    assertThat(tooBig.status()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void cookiesArriveAsTwoSeparateSetCookieHeaders(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/cookies"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.setCookies()).containsExactly(
        "session=abc; Path=/; HttpOnly",
        "theme=dark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void unicodeIsUtf8(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/unicode"));

    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("héllo wörld ✓ 你好");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void errorIsTheFrameworks500WithoutInternals(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/error"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void redirectGoesHomeUnderTheMountPath(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/redirect"));

    assertThat(response.status()).isEqualTo(302);
    String expected = switch (transport) {
      case REST_V1 -> "/prod/";      // the REST API stage the client's URL contains
      case HTTP_API_V2 -> "/dev/";   // the named HTTP API stage
      default -> "/";
    };
    assertThat(response.header("Location")).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void wrongMethodIs405WithAllowAndOptionsIs204(Transport transport) {
    TestResponse wrong = send(transport, TestRequest.of("DELETE", "/users/1"));
    TestResponse options = send(transport, TestRequest.of("OPTIONS", "/users/1"));

    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    assertThat(options.status()).isEqualTo(204);
    assertThat(options.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void unknownPathIsAJson404(Transport transport) {
    TestResponse response = send(transport, TestRequest.get("/no/such/thing"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }
}
