package dev.vial.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.Cookie;
import dev.vial.Response;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LambdaJsonTest {

  private final LambdaJson json = new LambdaJson(new JsonFactory());
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void thePreludeCarriesStatusHeadersAndCookiesThenEightNulBytes() throws IOException {
    Response head = Response.of(201).withHeader("Content-Type", "text/plain").withAddedHeader("Vary", "A")
        .withAddedHeader("vary", "B").withCookie(Cookie.of("a", "1")).withCookie(Cookie.of("b", "2"))
        .withHeader("Content-Length", "9");

    byte[] prelude = json.prelude(head);

    byte[] tail = Arrays.copyOfRange(prelude, prelude.length - 8, prelude.length);
    assertThat(tail).containsOnly(0);
    JsonNode document = mapper.readTree(Arrays.copyOf(prelude, prelude.length - 8));
    assertThat(document.path("statusCode").asInt()).isEqualTo(201);
    assertThat(document.path("headers").path("Content-Type").asText()).isEqualTo("text/plain");
    assertThat(document.path("headers").path("Vary").asText()).isEqualTo("A,B");
    assertThat(document.path("headers").has("Content-Length")).as("the length of a stream is unknown").isFalse();
    assertThat(document.path("cookies")).extracting(JsonNode::asText).containsExactly("a=1", "b=2");
  }

  @Test
  void errorsHaveLambdasShape() throws IOException {
    JsonNode error = mapper.readTree(json.error(new IllegalStateException("the \"feed\" broke")));

    assertThat(error.path("errorMessage").asText()).isEqualTo("the \"feed\" broke");
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("stackTrace").isArray()).isTrue();
    assertThat(error.path("stackTrace").get(0).asText()).contains("LambdaJsonTest");
  }
}
