package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRoutesTest {

  private final App app = EchoApp.create();

  @Test
  void answersTheIdAsAJsonNumber() {
    Response response = app.handle(Request.builder("GET", "/users/42").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"id\":42}");
  }

  @Test
  void acceptsNegativeAndLargestInts() {
    assertThat(app.handle(Request.builder("GET", "/users/-7").build()).bodyText()).isEqualTo("{\"id\":-7}");
    assertThat(app.handle(Request.builder("GET", "/users/2147483647").build()).bodyText())
        .isEqualTo("{\"id\":2147483647}");
  }

  @Test
  void routesATrailingSlashToTheSameHandler() {
    Response response = app.handle(Request.builder("GET", "/users/42/").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"id\":42}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/users/abc", "/users/1.5", "/users/2147483648", "/users/%2031", "/users", "/users/1/2"})
  void answersNonIntegerIdsWith404(String path) {
    Response response = app.handle(Request.builder("GET", path).build());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }

  @Test
  void refusesDeleteWith405AndAllow() {
    Response response = app.handle(Request.builder("DELETE", "/users/42").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @Test
  void answersOptionsAutomaticallyWith204AndAllow() {
    Response response = app.handle(Request.builder("OPTIONS", "/users/42").build());

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    assertThat(response.body()).isEmpty();
  }
}
