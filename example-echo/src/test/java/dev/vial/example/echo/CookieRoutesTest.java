package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;

class CookieRoutesTest {

  @Test
  void setsTwoCookiesAsTwoSetCookieFieldsWithAttributesInOrder() {
    Response response = EchoApp.create().handle(Request.builder("GET", "/cookies").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().all("Set-Cookie")).containsExactly(
        "session=abc; Path=/; HttpOnly",
        "theme=dark; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/");
  }
}
