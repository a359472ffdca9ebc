package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ErrorRoutesTest {

  @Test
  void answersAFailingHandlerWithTheFrameworks500AndNoDetails() {
    Response response = EchoApp.create().handle(Request.builder("GET", "/error").build());

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  @Test
  void withoutDevModeABrowserGetsTheSameBareJsonOverHttp() throws Exception {
    try (RunningServer server = LocalServer.start(EchoApp.create(), ServerOptions.defaults().withPort(0))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.url() + "/error")).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
    }
    Response missing = EchoApp.create().handle(Request.builder("GET", "/missing")
        .headers(Headers.of("Accept", "text/html")).build());
    assertThat(missing.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }
}
