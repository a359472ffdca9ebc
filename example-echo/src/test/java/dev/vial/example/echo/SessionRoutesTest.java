package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;

class SessionRoutesTest {

  private final App app = EchoApp.create();

  private Response send(String method, String cookie) {
    Request.Builder request = Request.builder(method, "/session");
    if (cookie != null) {
      request.headers(Headers.of("Cookie", cookie));
    }
    return app.handle(request.build());
  }

  private static String cookie(Response response) {
    String header = response.header("Set-Cookie");
    return header.substring(0, header.indexOf(';'));
  }

  @Test
  void countsFromOneAndStartsAgainAfterDelete() {
    Response first = send("GET", null);
    Response second = send("GET", cookie(first));
    Response cleared = send("DELETE", cookie(second));

    assertThat(first.bodyText()).isEqualTo("{\"count\":1}");
    assertThat(second.bodyText()).isEqualTo("{\"count\":2}");
    assertThat(cleared.bodyText()).isEqualTo("{\"count\":0}");
    assertThat(cleared.header("Set-Cookie")).startsWith("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0");
    assertThat(send("GET", null).bodyText()).isEqualTo("{\"count\":1}");
  }

  @Test
  void anotherProcessWithoutAKeyDoesNotAcceptThisProcesssCookie() {
    // Without VIAL_SECRET_KEY each app signs with its own random key, as two local processes would.
    String cookie = cookie(send("GET", null));

    Response elsewhere = EchoApp.create().handle(Request.builder("GET", "/session").headers(Headers.of("Cookie", cookie)).build());

    assertThat(elsewhere.bodyText()).isEqualTo(System.getenv("VIAL_SECRET_KEY") == null ? "{\"count\":1}" : "{\"count\":2}");
  }
}
