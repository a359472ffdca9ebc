package dev.vial.lambda;

import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestV1CodecTest {

  @Test
  void decodesTheEncodedPathOncePerSegment() {
    JsonNode echo = body(invoke(handler(), event("rest-v1-get.json")));

    assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/caf%C3%A9%20au%20lait/a%2Fb/c++/100%25");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/café au lait/a/b/c++/100%");
  }

  @Test
  void takesTheStageFromRequestContextPathAsMountPathWithoutStrippingIt() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/echo/prod");
    ((ObjectNode) event.get("requestContext")).put("path", "/prod/echo/prod");

    JsonNode echo = body(invoke(handler(), event));

    assertThat(echo.get("path").asText()).isEqualTo("/echo/prod");
    assertThat(echo.get("mountPath").asText()).isEqualTo("/prod");
  }

  @Test
  void passesMultiValueQueryParametersWithoutDecodingThemAgain() {
    JsonNode query = body(invoke(handler(), event("rest-v1-get.json"))).get("query");

    assertThat(query.get("q").get(0).asText()).isEqualTo("x+y z");
    assertThat(query.get("plus").get(0).asText()).isEqualTo("%2B");
    assertThat(query.get("tag")).extracting(JsonNode::asText).containsExactly("a", "b");
  }

  @Test
  void fallsBackToSingleValueQueryParameters() {
    ObjectNode event = event("rest-v1-get.json");
    event.remove("multiValueQueryStringParameters");

    JsonNode query = body(invoke(handler(), event)).get("query");

    assertThat(query.get("tag")).extracting(JsonNode::asText).containsExactly("b");
    assertThat(query.get("plus").get(0).asText()).isEqualTo("%2B");
  }

  @Test
  void prefersMultiValueHeadersAndKeepsEveryValue() {
    JsonNode headers = body(invoke(handler(), event("rest-v1-get.json"))).get("headers");

    assertThat(headers.get("x-dup")).extracting(JsonNode::asText).containsExactly("one", "two");
  }

  @Test
  void usesSingleValueHeadersWhenThereAreNoMultiValueHeaders() {
    ObjectNode event = event("rest-v1-get.json");
    event.remove("multiValueHeaders");

    JsonNode echo = body(invoke(handler(), event));

    assertThat(echo.get("headers").get("x-dup")).extracting(JsonNode::asText).containsExactly("two");
    assertThat(echo.get("cookies").get("theme").asText()).isEqualTo("dark");
  }

  @Test
  void decodesBase64RequestBodies() {
    JsonNode echo = body(invoke(handler(), event("rest-v1-post-base64.json")));

    assertThat(echo.get("bodyBase64").asText()).isEqualTo("AAECA/8=");
  }

  @Test
  void answersWithHeadersMultiValueHeadersAndSetCookiesNeverJoined() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/cookies");
    ((ObjectNode) event.get("multiValueQueryStringParameters")).putArray("n").add("3");

    JsonNode envelope = invoke(handler(), event);

    assertThat(fieldNames(envelope)).containsExactly("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.get("headers").get("Content-Type").asText()).isEqualTo("text/plain; charset=utf-8");
    assertThat(envelope.get("headers").has("Set-Cookie")).isFalse();
    assertThat(envelope.get("multiValueHeaders").get("Set-Cookie")).extracting(JsonNode::asText)
        .containsExactly("c0=v0; Path=/", "c1=v1; Path=/", "c2=v2; Path=/");
    assertThat(envelope.get("body").asText()).isEqualTo("cookies");
    assertThat(envelope.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void putsRepeatedResponseHeadersIntoMultiValueHeaders() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/multi");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("multiValueHeaders").get("X-Multi")).extracting(JsonNode::asText).containsExactly("a", "b");
    assertThat(envelope.get("headers").has("X-Multi")).isFalse();
  }

  @Test
  void answersHeadWithHeadersButNoBody() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("httpMethod", "HEAD");
    event.put("path", "/unicode");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.get("body").asText()).isEmpty();
    assertThat(envelope.get("headers").get("Content-Length").asText()).isEqualTo("14");
    assertThat(envelope.get("headers").get("Content-Type").asText()).startsWith("text/plain");
  }

  @Test
  void turnsAnAppExceptionIntoTheFrameworks500Envelope() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/boom");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(500);
    assertThat(envelope.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
    assertThat(body(envelope).get("error").asText()).isEqualTo("Internal Server Error");
    assertThat(body(envelope).get("status").asInt()).isEqualTo(500);
    assertThat(envelope.get("body").asText()).doesNotContain("secret internal detail", "Exception");
  }

  @Test
  void answersAMalformedPercentEscapeWith400() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("path", "/echo/%zz");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(400);
    assertThat(body(envelope).get("error").asText()).contains("Malformed percent-escape");
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
