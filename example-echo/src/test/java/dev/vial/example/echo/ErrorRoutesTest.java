package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;

class ErrorRoutesTest {

  @Test
  void answersAFailingHandlerWithTheFrameworks500AndNoDetails() {
    Response response = EchoApp.create().handle(Request.builder("GET", "/error").build());

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }
}
