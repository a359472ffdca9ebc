package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoRoutesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final App app = EchoApp.create();

  private JsonNode echo(Request request) throws Exception {
    Response response = app.handle(request);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    return MAPPER.readTree(response.body());
  }

  @Test
  void describesTheRequestInAFixedFieldOrder() throws Exception {
    JsonNode echoed = echo(Request.builder("GET", "/echo").build());

    assertThat(echoed.fieldNames()).toIterable().containsExactly(
        "method", "path", "rawPath", "pathParams", "query", "headers", "cookies", "body", "bodyBase64",
        "contentLength");
  }

  @Test
  void describesABareGet() throws Exception {
    JsonNode echoed = echo(Request.builder("GET", "/echo").build());

    assertThat(echoed.get("method").asText()).isEqualTo("GET");
    assertThat(echoed.get("path").asText()).isEqualTo("/echo");
    assertThat(echoed.get("rawPath").asText()).isEqualTo("/echo");
    assertThat(echoed.get("pathParams").isEmpty()).isTrue();
    assertThat(echoed.get("query").isEmpty()).isTrue();
    assertThat(echoed.get("headers").isEmpty()).isTrue();
    assertThat(echoed.get("cookies").isEmpty()).isTrue();
    assertThat(echoed.get("body").isNull()).isTrue();
    assertThat(echoed.get("bodyBase64").isNull()).isTrue();
    assertThat(echoed.get("contentLength").asInt()).isZero();
  }

  @Test
  void describesQueryParametersDecodedAndInOrder() throws Exception {
    JsonNode echoed = echo(Request.builder("GET", "/echo").rawQuery("b=2&a=1&a=x%20y&c=d+e&flag").build());

    assertThat(MAPPER.writeValueAsString(echoed.get("query")))
        .isEqualTo("{\"b\":[\"2\"],\"a\":[\"1\",\"x y\"],\"c\":[\"d e\"],\"flag\":[\"\"]}");
  }

  @Test
  void describesHeadersUnderLowerCaseNamesWithEveryValue() throws Exception {
    Headers headers = Headers.builder()
        .add("X-Multi", "one")
        .add("Accept", "text/plain")
        .add("x-multi", "two")
        .build();

    JsonNode echoed = echo(Request.builder("GET", "/echo").headers(headers).build());

    assertThat(MAPPER.writeValueAsString(echoed.get("headers")))
        .isEqualTo("{\"x-multi\":[\"one\",\"two\"],\"accept\":[\"text/plain\"]}");
  }

  @Test
  void describesCookies() throws Exception {
    Headers headers = Headers.of("Cookie", "session=abc; theme=dark", "Cookie", "lang=en");

    JsonNode echoed = echo(Request.builder("GET", "/echo").headers(headers).build());

    assertThat(MAPPER.writeValueAsString(echoed.get("cookies")))
        .isEqualTo("{\"session\":\"abc\",\"theme\":\"dark\",\"lang\":\"en\"}");
  }

  @Test
  void describesPathsBelowEchoWithTheRestDecoded() throws Exception {
    JsonNode echoed = echo(Request.builder("GET", "/echo/a/b%20c/%E2%9C%93").build());

    assertThat(echoed.get("path").asText()).isEqualTo("/echo/a/b c/\u2713");
    assertThat(echoed.get("rawPath").asText()).isEqualTo("/echo/a/b%20c/%E2%9C%93");
    assertThat(echoed.get("pathParams").get("rest").asText()).isEqualTo("a/b c/\u2713");
  }

  @Test
  void routesATrailingSlashToTheSameHandler() throws Exception {
    JsonNode echoed = echo(Request.builder("GET", "/echo/").build());

    assertThat(echoed.get("rawPath").asText()).isEqualTo("/echo/");
    assertThat(echoed.get("pathParams").isEmpty()).isTrue();
  }

  @Test
  void doesNotAnswerPathsThatOnlyStartWithEcho() {
    Response response = app.handle(Request.builder("GET", "/echoes").build());

    assertThat(response.status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
  void echoesEveryCommonMethod(String method) throws Exception {
    assertThat(echo(Request.builder(method, "/echo").build()).get("method").asText()).isEqualTo(method);
    assertThat(echo(Request.builder(method, "/echo/x").build()).get("method").asText()).isEqualTo(method);
  }

  @Test
  void echoesOptionsInsteadOfTheAutomatic204() throws Exception {
    Response response = app.handle(Request.builder("OPTIONS", "/echo").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Allow")).isNull();
    assertThat(MAPPER.readTree(response.body()).get("method").asText()).isEqualTo("OPTIONS");
  }

  @Test
  void answersHeadWithTheHeadersOfTheEchoButNoBody() {
    Response head = app.handle(Request.builder("HEAD", "/echo/x").build());
    int expectedLength = app.handle(Request.builder("GET", "/echo/x").build()).body().length
        + ("HEAD".length() - "GET".length());

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.contentType()).isEqualTo("application/json");
    assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(expectedLength));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void refusesOtherMethodsWith405ListingTheEchoedOnes() {
    Response response = app.handle(Request.builder("TRACE", "/echo").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
  }

  @Test
  void describesATextBodyAsTextAndBase64() throws Exception {
    byte[] body = "h\u00e9llo \u2713".getBytes(StandardCharsets.UTF_8);

    JsonNode echoed = echo(Request.builder("POST", "/echo").body(body).build());

    assertThat(echoed.get("body").asText()).isEqualTo("h\u00e9llo \u2713");
    assertThat(Base64.getDecoder().decode(echoed.get("bodyBase64").asText())).isEqualTo(body);
    assertThat(echoed.get("contentLength").asInt()).isEqualTo(body.length).isEqualTo(10);
  }

  @Test
  void describesABinaryBodyOnlyAsBase64() throws Exception {
    byte[] body = {0, 1, (byte) 0xff, (byte) 0xfe, (byte) 0x80};

    JsonNode echoed = echo(Request.builder("PUT", "/echo/blob").body(body).build());

    assertThat(echoed.get("body").isNull()).isTrue();
    assertThat(echoed.get("bodyBase64").asText()).isEqualTo("AAH//oA=");
    assertThat(echoed.get("contentLength").asInt()).isEqualTo(5);
  }

  @Test
  void treatsATruncatedUtf8SequenceAsBinary() throws Exception {
    byte[] checkMark = "\u2713".getBytes(StandardCharsets.UTF_8);
    byte[] truncated = Arrays.copyOf(checkMark, 2);

    JsonNode echoed = echo(Request.builder("POST", "/echo").body(truncated).build());

    assertThat(echoed.get("body").isNull()).isTrue();
    assertThat(Base64.getDecoder().decode(echoed.get("bodyBase64").asText())).isEqualTo(truncated);
  }

  @Test
  void treatsAnEncodedSurrogateAsBinary() throws Exception {
    // CESU-style encoding of U+D800: lenient decoders accept it, strict UTF-8 must not.
    byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};

    JsonNode echoed = echo(Request.builder("POST", "/echo").body(surrogate).build());

    assertThat(echoed.get("body").isNull()).isTrue();
    assertThat(echoed.get("contentLength").asInt()).isEqualTo(3);
  }

  @Test
  void answersAMalformedPathEscapeWith400() {
    Response response = app.handle(Request.builder("GET", "/echo/%zz").build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
  }
}
