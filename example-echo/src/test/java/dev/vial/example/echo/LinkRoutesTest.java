package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;

class LinkRoutesTest {

  private final App app = EchoApp.create();

  @Test
  void buildsEveryLinkWithUrlForLocally() {
    Response response = app.handle(Request.builder("GET", "/links").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo(
        "{\"home\":\"/\",\"user\":\"/users/42\",\"echo\":\"/echo/a%20b/c%3Fd\",\"search\":\"/?q=x%20y\"}");
  }

  @Test
  void prefixesEveryLinkWithTheStageBehindARestApi() {
    Response response = app.handle(Request.builder("GET", "/links").mountPath("/prod").build());

    assertThat(response.bodyText()).isEqualTo("{\"home\":\"/prod/\",\"user\":\"/prod/users/42\","
        + "\"echo\":\"/prod/echo/a%20b/c%3Fd\",\"search\":\"/prod/?q=x%20y\"}");
  }

  @Test
  void eachLinkRoutesBackToItsRoute() {
    assertThat(app.handle(Request.builder("GET", "/users/42").build()).bodyText()).isEqualTo("{\"id\":42}");
    Response echo = app.handle(Request.builder("GET", "/echo/a%20b/c%3Fd").build());
    assertThat(echo.bodyText()).contains("\"pathParams\":{\"rest\":\"a b/c?d\"}");
  }
}
