package dev.vial.lambda;

import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invoke;
import static dev.vial.lambda.RestV1CodecTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HttpApiV2CodecTest {

  @Test
  void reEncodesTheDecodedRawPathSoTheCoreDecodesItToTheSameText() {
    JsonNode echo = body(invoke(handler(), event("http-api-v2-get.json")));

    assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/caf%C3%A9%20au%20lait/100%25/c++");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/café au lait/100%/c++");
  }

  @Test
  void stripsANamedStageFromRawPathIntoTheMountPath() {
    JsonNode echo = body(invoke(handler(), event("http-api-v2-get.json")));

    assertThat(echo.get("mountPath").asText()).isEqualTo("/dev");
  }

  @Test
  void keepsThePathWhole_onTheDefaultStage() {
    ObjectNode event = event("http-api-v2-get.json");
    event.put("rawPath", "/echo/dev");
    ((ObjectNode) event.get("requestContext")).put("stage", "$default");

    JsonNode echo = body(invoke(handler(), event));

    assertThat(echo.get("path").asText()).isEqualTo("/echo/dev");
    assertThat(echo.get("mountPath").asText()).isEmpty();
  }

  @Test
  void passesRawQueryStringToTheCoreToDecodeOnce() {
    JsonNode query = body(invoke(handler(), event("http-api-v2-get.json"))).get("query");

    assertThat(query.get("q").get(0).asText()).isEqualTo("x+y z");
    assertThat(query.get("tag")).extracting(JsonNode::asText).containsExactly("a", "b");
  }

  @Test
  void keepsCommaJoinedHeaderValuesAsOneValue() {
    JsonNode headers = body(invoke(handler(), event("http-api-v2-get.json"))).get("headers");

    assertThat(headers.get("x-dup")).extracting(JsonNode::asText).containsExactly("one,two");
  }

  @Test
  void turnsTheCookiesArrayIntoOneCookieHeader() {
    JsonNode echo = body(invoke(handler(), event("http-api-v2-get.json")));

    assertThat(echo.get("headers").get("cookie")).extracting(JsonNode::asText).containsExactly("session=abc123; theme=dark");
    assertThat(echo.get("cookies").get("session").asText()).isEqualTo("abc123");
  }

  @Test
  void replacesACookieHeaderAnEmulatorLeftInHeaders() {
    ObjectNode event = event("http-api-v2-get.json");
    ((ObjectNode) event.get("headers")).put("cookie", "session=abc123; theme=dark");

    JsonNode echo = body(invoke(handler(), event));

    assertThat(echo.get("headers").get("cookie")).hasSize(1);
  }

  @Test
  void answersWithTheCookiesArrayAndCommaJoinedHeaders() {
    ObjectNode event = event("http-api-v2-get.json");
    event.put("rawPath", "/dev/cookies");
    event.put("rawQueryString", "n=2");

    JsonNode envelope = invoke(handler(), event);

    assertThat(fieldNames(envelope)).containsExactly("statusCode", "headers", "cookies", "body", "isBase64Encoded");
    assertThat(envelope.get("cookies")).extracting(JsonNode::asText).containsExactly("c0=v0; Path=/", "c1=v1; Path=/");
    assertThat(envelope.get("headers").has("Set-Cookie")).isFalse();

    event.put("rawPath", "/dev/multi");
    JsonNode multi = invoke(handler(), event);
    assertThat(multi.get("headers").get("X-Multi").asText()).isEqualTo("a,b");
    assertThat(multi.has("cookies")).isFalse();
  }

  @Test
  void decodesBase64Bodies() {
    ObjectNode event = event("http-api-v2-get.json");
    ((ObjectNode) event.get("requestContext").get("http")).put("method", "POST");
    event.put("body", "AAECA/8=");
    event.put("isBase64Encoded", true);

    JsonNode echo = body(invoke(handler(), event));

    assertThat(echo.get("method").asText()).isEqualTo("POST");
    assertThat(echo.get("bodyBase64").asText()).isEqualTo("AAECA/8=");
  }

  @Test
  void answersHeadWithoutBody() {
    ObjectNode event = event("http-api-v2-get.json");
    ((ObjectNode) event.get("requestContext").get("http")).put("method", "HEAD");
    event.put("rawPath", "/dev/unicode");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.get("body").asText()).isEmpty();
    assertThat(envelope.get("headers").get("Content-Length").asText()).isEqualTo("14");
  }

  @Test
  void turnsAnAppExceptionIntoTheFrameworks500Envelope() {
    ObjectNode event = event("http-api-v2-get.json");
    event.put("rawPath", "/dev/boom");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(500);
    assertThat(body(envelope).get("error").asText()).isEqualTo("Internal Server Error");
  }
}
