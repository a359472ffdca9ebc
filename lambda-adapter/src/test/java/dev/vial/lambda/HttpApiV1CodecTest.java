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

class HttpApiV1CodecTest {

  @Test
  void treatsThePathAsDecodedAndStripsTheNamedStage() {
    JsonNode echo = body(invoke(handler(), event("http-api-v1-get.json")));

    assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/caf%C3%A9/100%25");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/café/100%");
    assertThat(echo.get("mountPath").asText()).isEqualTo("/dev");
  }

  @Test
  void passesDecodedMultiValueQueryParametersAsSent() {
    JsonNode query = body(invoke(handler(), event("http-api-v1-get.json"))).get("query");

    assertThat(query.get("q").get(0).asText()).isEqualTo("x+y z");
    assertThat(query.get("plus").get(0).asText()).isEqualTo("%2B");
  }

  @Test
  void prefersMultiValueHeaders() {
    JsonNode headers = body(invoke(handler(), event("http-api-v1-get.json"))).get("headers");

    assertThat(headers.get("x-dup")).extracting(JsonNode::asText).containsExactly("one", "two");
  }

  @Test
  void answersInThePayload10ShapeWithSetCookieInMultiValueHeaders() {
    ObjectNode event = event("http-api-v1-get.json");
    event.put("path", "/dev/cookies");
    ((ObjectNode) event.get("multiValueQueryStringParameters")).putArray("n").add("2");

    JsonNode envelope = invoke(handler(), event);

    assertThat(fieldNames(envelope)).containsExactly("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    assertThat(envelope.get("multiValueHeaders").get("Set-Cookie")).extracting(JsonNode::asText)
        .containsExactly("c0=v0; Path=/", "c1=v1; Path=/");
  }
}
