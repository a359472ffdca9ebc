package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryRoutesTest {

  private final App app = EchoApp.create();

  private Response get(String rawQuery) {
    return app.handle(Request.builder("GET", "/binary").rawQuery(rawQuery).build());
  }

  @Test
  void sendsSizeBytesWhereByteIIsIMod256() {
    Response response = get("size=1000");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/octet-stream");
    byte[] body = response.body();
    assertThat(body).hasSize(1000);
    for (int i = 0; i < body.length; i++) {
      assertThat(body[i] & 0xff).as("byte %d", i).isEqualTo(i % 256);
    }
  }

  @Test
  void sendsAnEmptyBodyForSizeZero() {
    Response response = get("size=0");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void sendsTheLargestAllowedSize() {
    byte[] body = get("size=5000000").body();

    assertThat(body).hasSize(5_000_000);
    assertThat(body[4_999_999] & 0xff).isEqualTo(4_999_999 % 256);
  }

  @Test
  void answersHeadWithTheLengthButNoBytes() {
    Response response = app.handle(Request.builder("HEAD", "/binary").rawQuery("size=10").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Length")).isEqualTo("10");
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"size=5000001", "size=-1", "size=abc", "size=", "size=1e3", "size=99999999999", "", "other=5"})
  void answersBadSizesWith400AndTheRule(String rawQuery) throws Exception {
    Response response = get(rawQuery);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(new ObjectMapper().readTree(response.body()).get("error").asText())
        .startsWith("Query parameter 'size' must be a whole number from 0 to 5000000, got ");
  }
}
