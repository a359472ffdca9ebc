package dev.vial.testkit;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Cookie;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EveryTransportTest {

  private static App app() {
    return new App()
        .get("/hi/{name}", req -> ok("hi " + req.pathParam("name") + " " + req.query("x"))
            .withCookie(Cookie.of("a", "1"))
            .withCookie(Cookie.of("b", "2").path("/")))
        .post("/size", req -> json(Map.of("bytes", req.body().length)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theSameRequestGetsTheSameAnswerThroughEveryFrontDoor(Transport transport) throws Exception {
    try (TestClient client = TestClient.of(transport, app())) {
      TestResponse hi = client.get("/hi/b%C3%B6b?x=1+2");
      TestResponse size = client.send(TestRequest.post("/size", "", "x").body(new byte[] {0, 1, 2}, "image/png"));

      assertThat(client.transport()).isEqualTo(transport);
      assertThat(hi.status()).isEqualTo(200);
      assertThat(hi.bodyText()).isEqualTo("hi böb 1 2");
      assertThat(hi.setCookies()).containsExactly("a=1", "b=2; Path=/");
      assertThat(size.bodyText()).isEqualTo("{\"bytes\":3}");
    }
  }
}
