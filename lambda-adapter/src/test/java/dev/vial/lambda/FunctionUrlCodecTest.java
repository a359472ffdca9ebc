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

class FunctionUrlCodecTest {

  @Test
  void keepsTheEncodedRawPathAndDecodesEachSegmentOnce() {
    JsonNode echo = body(invoke(handler(), event("function-url-post.json")));

    assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/caf%C3%A9/a%2Fb");
    assertThat(echo.get("rest").asText()).isEqualTo("café/a/b");
    assertThat(echo.get("mountPath").asText()).isEmpty();
  }

  @Test
  void readsMethodBodyQueryAndCookies() {
    JsonNode echo = body(invoke(handler(), event("function-url-post.json")));

    assertThat(echo.get("method").asText()).isEqualTo("POST");
    assertThat(echo.get("body").asText()).isEqualTo("{\"name\":\"café\"}");
    assertThat(echo.get("query").get("q").get(0).asText()).isEqualTo("x+y z");
    assertThat(echo.get("cookies").get("session").asText()).isEqualTo("abc123");
  }

  @Test
  void answersWithTheCookiesArray() {
    ObjectNode event = event("function-url-post.json");
    ((ObjectNode) event.get("requestContext").get("http")).put("method", "GET");
    event.put("rawPath", "/cookies");
    event.put("rawQueryString", "n=2");

    JsonNode envelope = invoke(handler(), event);

    assertThat(fieldNames(envelope)).containsExactly("statusCode", "headers", "cookies", "body", "isBase64Encoded");
    assertThat(envelope.get("cookies")).extracting(JsonNode::asText).containsExactly("c0=v0; Path=/", "c1=v1; Path=/");
  }
}
