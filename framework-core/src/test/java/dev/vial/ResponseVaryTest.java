package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Response#withVary}: one merged field, no repeats, {@code *} kept. */
class ResponseVaryTest {

  @Test
  void addsMergesAndNeverRepeats() {
    Response none = Response.of(200);

    assertThat(none.withVary("Accept-Encoding").header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(none.withHeader("Vary", "Origin").withVary("Accept-Encoding").header("Vary"))
        .isEqualTo("Origin, Accept-Encoding");
    assertThat(none.withHeader("Vary", "origin, accept-encoding").withVary("Accept-Encoding").header("Vary"))
        .isEqualTo("origin, accept-encoding");
    assertThat(none.withHeader("Vary", "*").withVary("Origin").header("Vary")).isEqualTo("*");
  }

  @Test
  void foldsSeveralFieldsIntoOne() {
    Response response = Response.of(200).withAddedHeader("Vary", "Origin").withAddedHeader("Vary", "Cookie")
        .withVary("Accept-Encoding");

    assertThat(response.headers().all("Vary")).containsExactly("Origin, Cookie, Accept-Encoding");
    assertThat(Response.of(200).withAddedHeader("Vary", "Origin").withAddedHeader("Vary", "Cookie")
        .withVary("cookie").headers().all("Vary")).containsExactly("Origin, Cookie");
  }

  @Test
  void refusesAnEmptyToken() {
    assertThatThrownBy(() -> Response.of(200).withVary(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
