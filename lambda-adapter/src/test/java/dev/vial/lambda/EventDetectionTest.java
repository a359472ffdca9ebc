package dev.vial.lambda;

import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDetectionTest {

  @ParameterizedTest
  @CsvSource({
      "rest-v1-get.json, REST_V1",
      "rest-v1-post-base64.json, REST_V1",
      "http-api-v2-get.json, HTTP_API_V2",
      "http-api-v1-get.json, HTTP_API_V1",
      "alb-single.json, ALB",
      "alb-multi.json, ALB",
      "function-url-post.json, FUNCTION_URL"})
  void detectsTheSourceOfEachHttpEvent(String file, EventSource expected) {
    ObjectNode event = event(file);
    setPath(event, "/context");
    if (event.has("httpMethod")) {
      event.put("httpMethod", "GET");
    } else {
      ((ObjectNode) event.get("requestContext").get("http")).put("method", "GET");
    }

    JsonNode answer = Invocations.body(Invocations.invoke(handler(), event));

    assertThat(answer.get("source").asText()).isEqualTo(expected.name());
  }

  @Test
  void detectsAlbBeforeAnythingElse() {
    ObjectNode event = event("alb-single.json");
    event.put("version", "2.0");
    event.put("resource", "/{proxy+}");
    event.put("path", "/context");

    assertThat(Invocations.body(Invocations.invoke(handler(), event)).get("source").asText()).isEqualTo("ALB");
  }

  @Test
  void refusesAWebSocketEventSayingWhatArrivedAndWhatIsAccepted() {
    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event("websocket-connect.json"))))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("WebSocket")
        .hasMessageContaining("requestContext.eventType=CONNECT")
        .hasMessageContaining(UnsupportedEventException.ACCEPTED);
  }

  @Test
  void refusesAnS3EventNamingItsFields() {
    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event("s3-put.json"))))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("not an HTTP event")
        .hasMessageContaining("[Records]")
        .hasMessageContaining("Application Load Balancer");
  }

  @Test
  void refusesAnSqsEvent() {
    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event("sqs-message.json"))))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("[Records]");
  }

  @Test
  void refusesAnAuthorizerInput() {
    ObjectNode event = event("rest-v1-get.json");
    event.put("type", "REQUEST");
    event.put("methodArn", "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/echo");

    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("authorizer input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "{", "not json", "{\"a\": 1} trailing", "[1, 2]", "\"text\"", "42", "null", "{}",
      "{\"version\": \"3.0\", \"rawPath\": \"/\"}"})
  void refusesGarbageWithAReadableMessage(String payload) {
    assertThatThrownBy(() -> invokeRaw(handler(), payload.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining(UnsupportedEventException.ACCEPTED)
        .message().doesNotContain("null.");
  }

  @Test
  void namesTheJsonProblemAndItsPosition() {
    assertThatThrownBy(() -> invokeRaw(handler(), "{\"httpMethod\": GET}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 1");
  }

  @Test
  void refusesAPayloadOfWhitespaceInUtf32() {
    assertThatThrownBy(() -> invokeRaw(handler(), new byte[] {'\t', 0, 0, 0}))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith("The event is empty (4 bytes of whitespace, no JSON)");
  }

  @Test
  void refusesAPayloadThatIsNotTextInAnyUnicodeEncoding() {
    // Zero bytes after the brace make Jackson read UTF-32LE, and 0xFFFFFFFF is no character.
    byte[] payload = {'{', 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, '}', 0, 0, 0};

    assertThatThrownBy(() -> invokeRaw(handler(), payload))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith("The event is not JSON text: Invalid UTF-32 character")
        .hasMessageEndingWith(UnsupportedEventException.ACCEPTED);
  }

  @ParameterizedTest
  @CsvSource({
      "rest-v1-get.json, httpMethod",
      "rest-v1-get.json, path",
      "http-api-v1-get.json, httpMethod",
      "http-api-v1-get.json, path",
      "alb-single.json, httpMethod",
      "alb-single.json, path",
      "http-api-v2-get.json, rawPath",
      "function-url-post.json, rawPath"})
  void refusesAnHttpEventWithoutAUsableMethodOrPath(String file, String field) {
    for (String variant : new String[] {"missing", "null", "number", "object"}) {
      ObjectNode event = event(file);
      switch (variant) {
        case "missing" -> event.remove(field);
        case "null" -> event.putNull(field);
        case "number" -> event.put(field, 42);
        default -> event.putObject(field).put("value", "/echo");
      }
      assertThatThrownBy(() -> invokeRaw(handler(), bytes(event)))
          .as("%s %s", field, variant)
          .isInstanceOf(UnsupportedEventException.class)
          .hasMessageContaining("no usable")
          .hasMessageContaining(field);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http-api-v2-get.json", "function-url-post.json"})
  void refusesAPayload20EventWithoutAUsableMethod(String file) {
    ObjectNode event = event(file);
    ((ObjectNode) event.get("requestContext").get("http")).remove("method");

    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("requestContext.http.method");
  }

  @Test
  void refusesAPathThatDoesNotStartWithASlash() {
    ObjectNode event = event("alb-single.json");
    event.put("path", "echo");

    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("does not start with '/'");
  }

  @Test
  void refusesABodyThatClaimsBase64ButIsNot() {
    ObjectNode event = event("rest-v1-post-base64.json");
    event.put("body", "not base64 at all!");

    assertThatThrownBy(() -> invokeRaw(handler(), bytes(event)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageContaining("not valid base64");
  }

  @Test
  void writesNothingWhenItRefusesAnEvent() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> handler().handleRequest(new ByteArrayInputStream(bytes(event("s3-put.json"))), out,
        new TestContext("r-1")))
        .isInstanceOf(UnsupportedEventException.class);
    assertThat(out.size()).isZero();
  }

  private static void setPath(ObjectNode event, String path) {
    if (event.has("rawPath")) {
      String stage = event.path("requestContext").path("stage").asText("$default");
      event.put("rawPath", stage.equals("$default") || event.path("requestContext").path("domainName").asText().contains(".lambda-url.")
          ? path : "/" + stage + path);
    } else if ("1.0".equals(event.path("version").asText())) {
      event.put("path", "/" + event.path("requestContext").path("stage").asText() + path);
    } else {
      event.put("path", path);
      if (event.path("requestContext").has("path")) {
        ((ObjectNode) event.get("requestContext")).put("path", "/prod" + path);
      }
    }
  }

  static byte[] bytes(JsonNode event) {
    try {
      return Invocations.JSON.writeValueAsBytes(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
