package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HomeRoutesTest {

  private final App app = EchoApp.create();

  @Test
  void answersHelloAtTheRoot() {
    Response response = app.handle(Request.builder("GET", "/").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.bodyText()).isEqualTo("hello");
  }

  @Test
  void answersHeadAtTheRootWithTheLengthOfHello() {
    Response response = app.handle(Request.builder("HEAD", "/").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Length")).isEqualTo("5");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void sendsUnicodeAsUtf8Bytes() {
    Response response = app.handle(Request.builder("GET", "/unicode").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.body()).isEqualTo("h\u00e9llo w\u00f6rld \u2713 \u4f60\u597d".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void redirectsHome() {
    Response response = app.handle(Request.builder("GET", "/redirect").build());

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).isEqualTo("/");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void redirectsToTheMountedHomeWhenTheFrontDoorStrippedAStage() {
    Response response = app.handle(Request.builder("GET", "/redirect").mountPath("/prod").build());

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).isEqualTo("/prod/");
  }

  @Test
  void refusesPostOnTheRootWith405AndAllow() {
    Response response = app.handle(Request.builder("POST", "/").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }
}
