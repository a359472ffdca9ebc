package dev.vial.lambda;

import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyPolicyTest {


  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "http-api-v1-get.json", "alb-single.json", "function-url-post.json"})
  void sendsUtf8TextAsText(String file) {
    JsonNode envelope = invoke(handler(), get(file, "/unicode"));

    assertThat(envelope.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(envelope.get("body").asText()).isEqualTo("café ☕ 𝄞");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "alb-single.json", "function-url-post.json"})
  void sendsBinaryContentTypesAsStandardBase64(String file) {
    JsonNode envelope = invoke(handler(), get(file, "/png"));

    assertThat(envelope.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(envelope.get("body").asText()))
        .containsExactly(0x89, 'P', 'N', 'G', 0, 0xff);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "alb-single.json", "function-url-post.json"})
  void sendsEncodedTextAsBase64(String file) {
    JsonNode envelope = invoke(handler(), get(file, "/gzip"));

    assertThat(envelope.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(envelope.get("body").asText()))).isEqualTo("not really gzip");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "alb-single.json", "function-url-post.json"})
  void sendsTextThatIsNotValidUtf8AsBase64(String file) {
    JsonNode envelope = invoke(handler(), get(file, "/latin1"));

    assertThat(envelope.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(envelope.get("body").asText())).containsExactly('c', 'a', 'f', 0xe9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "alb-single.json", "function-url-post.json"})
  void sendsJsonAsText(String file) {
    JsonNode envelope = invoke(handler(), get(file, "/echo/x"));

    assertThat(envelope.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(body(envelope).get("rest").asText()).isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "alb-single.json", "function-url-post.json"})
  void readsUtf8TextBodiesAsUtf8(String file) {
    ObjectNode event = get(file, "/echo/x");
    setMethod(event, "POST");
    event.put("body", "naïve ☕");
    event.put("isBase64Encoded", false);

    assertThat(body(invoke(handler(), event)).get("body").asText()).isEqualTo("naïve ☕");
  }

  static ObjectNode get(String file, String path) {
    ObjectNode event = event(file);
    setMethod(event, "GET");
    if (event.has("rawPath")) {
      boolean staged = !event.path("requestContext").path("domainName").asText().contains(".lambda-url.")
          && !"$default".equals(event.path("requestContext").path("stage").asText());
      event.put("rawPath", staged ? "/" + event.get("requestContext").get("stage").asText() + path : path);
      event.remove("rawQueryString");
    } else if ("1.0".equals(event.path("version").asText())) {
      event.put("path", "/dev" + path);
    } else {
      event.put("path", path);
    }
    return event;
  }

  static void setMethod(ObjectNode event, String method) {
    if (event.has("rawPath")) {
      ((ObjectNode) event.get("requestContext").get("http")).put("method", method);
    } else {
      event.put("httpMethod", method);
    }
  }
}
