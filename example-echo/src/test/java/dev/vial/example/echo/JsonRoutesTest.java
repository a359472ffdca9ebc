package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRoutesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final App app = EchoApp.create();

  private Response post(String body) {
    return app.handle(Request.builder("POST", "/json")
        .headers(Headers.of("Content-Type", "application/json"))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build());
  }

  @Test
  void sendsTheParsedBodyBack() throws Exception {
    String sent = "{ \"name\": \"Ada\", \"tags\": [\"x\", 1, true, null], \"nested\": {\"pi\": 3.14, \"word\": \"w\u00f6rd\"} }";

    Response response = post(sent);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree(sent));
    assertThat(response.bodyText()).doesNotContain(" ").contains("w\u00f6rd");
  }

  @Test
  void acceptsAnyJsonValueNotJustObjects() {
    assertThat(post("[1,2,3]").bodyText()).isEqualTo("[1,2,3]");
    assertThat(post("\"text\"").bodyText()).isEqualTo("\"text\"");
  }

  @Test
  void answersMalformedJsonWith400AndWhereItBroke() throws Exception {
    Response response = post("{\"name\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    var error = MAPPER.readTree(response.body());
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("error").asText()).startsWith("Malformed JSON body").contains("line 1");
  }

  @Test
  void answersAnEmptyBodyWith400() throws Exception {
    Response response = post("");

    assertThat(response.status()).isEqualTo(400);
    assertThat(MAPPER.readTree(response.body()).get("error").asText()).contains("empty");
  }

  @Test
  void refusesGetWith405() {
    Response response = app.handle(Request.builder("GET", "/json").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("OPTIONS, POST");
  }
}
