package dev.vial;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.session.SessionOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSessionsTest {

  private static final String KEY = "test-secret-key-0123456789";

  private static App counter(App app) {
    return app
        .get("/count", req -> {
          long count = req.session().getLong("count", 0) + 1;
          req.session().put("count", count);
          return json(Map.of("count", count));
        })
        .get("/peek", req -> json(Map.of("count", req.session().getLong("count", 0))))
        .get("/plain", req -> ok("no session"))
        .delete("/count", req -> {
          req.session().clear();
          return json(Map.of("count", 0));
        })
        .get("/fail", req -> {
          req.session().put("seen", true);
          throw new HttpException(403, "Forbidden");
        })
        .get("/huge", req -> {
          req.session().put("blob", "x".repeat(5000));
          return ok("stored");
        });
  }

  private static Response get(App app, String path, String cookie) {
    return call(app, "GET", path, cookie, "");
  }

  private static Response call(App app, String method, String path, String cookie, String mountPath) {
    Request.Builder request = Request.builder(method, path).mountPath(mountPath);
    if (cookie != null) {
      request.headers(Headers.of("Cookie", cookie));
    }
    return app.handle(request.build());
  }

  /** The {@code name=value} part of the response's session cookie. */
  private static String cookieOf(Response response) {
    String setCookie = response.header("Set-Cookie");
    assertThat(setCookie).as("Set-Cookie").isNotNull();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  void countsAcrossRequestsWithASignedHttpOnlyLaxCookie() {
    App app = counter(new App().secretKey(KEY).sessions());

    Response first = get(app, "/count", null);
    assertThat(first.bodyText()).isEqualTo("{\"count\":1}");
    assertThat(first.header("Set-Cookie")).matches("session=[A-Za-z0-9_.-]+; Max-Age=2678400; Path=/; HttpOnly; SameSite=Lax");
    assertThat(first.header("Vary")).isEqualTo("Cookie");

    Response second = get(app, "/count", cookieOf(first));
    assertThat(second.bodyText()).isEqualTo("{\"count\":2}");
    assertThat(get(app, "/count", cookieOf(second)).bodyText()).isEqualTo("{\"count\":3}");
  }

  @Test
  void writesTheCookieOnlyWhenTheSessionChangedAndVariesOnlyWhenItWasRead() {
    App app = counter(new App().secretKey(KEY).sessions());
    String cookie = cookieOf(get(app, "/count", null));

    Response peek = get(app, "/peek", cookie);
    assertThat(peek.bodyText()).isEqualTo("{\"count\":1}");
    assertThat(peek.headers().contains("Set-Cookie")).isFalse();
    assertThat(peek.header("Vary")).isEqualTo("Cookie");

    Response plain = get(app, "/plain", cookie);
    assertThat(plain.headers().contains("Set-Cookie")).isFalse();
    assertThat(plain.headers().contains("Vary")).isFalse();
  }

  @Test
  void aClearedSessionSendsAnExpiredCookieWithTheSameAttributes() {
    App app = counter(new App().secretKey(KEY).sessions(SessionOptions.defaults().withSecure(true)));
    String cookie = cookieOf(get(app, "/count", null));

    Response cleared = call(app, "DELETE", "/count", cookie, "");

    assertThat(cleared.bodyText()).isEqualTo("{\"count\":0}");
    assertThat(cleared.header("Set-Cookie"))
        .isEqualTo("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax");
    assertThat(call(app, "DELETE", "/count", null, "").headers().contains("Set-Cookie")).isFalse();
  }

  @Test
  void theCookiePathIsTheMountPathBehindAStage() {
    App app = counter(new App().secretKey(KEY).sessions());

    Response response = call(app, "GET", "/count", null, "/prod");

    assertThat(response.header("Set-Cookie")).contains("; Path=/prod;");
  }

  @Test
  void tamperedExpiredOrGarbledCookiesAreAnEmptySession() {
    App app = counter(new App().secretKey(KEY).sessions());
    String cookie = cookieOf(get(app, "/count", null));
    String tampered = cookie.substring(0, cookie.length() - 2) + (cookie.endsWith("A") ? "BB" : "AA");

    for (String bad : List.of(tampered, "session=garbage", "session=" + cookie.substring(8, 20), "session=a.b.c")) {
      Response response = get(app, "/count", bad);
      assertThat(response.status()).as(bad).isEqualTo(200);
      assertThat(response.bodyText()).as(bad).isEqualTo("{\"count\":1}");
    }
    App otherKey = counter(new App().secretKey("another-secret-key-0123456789").sessions());
    assertThat(get(otherKey, "/count", cookie).bodyText()).isEqualTo("{\"count\":1}");
  }

  @Test
  void aCookieSignedWithAFallbackKeyIsAcceptedAndResignedWithTheCurrentKey() {
    App before = counter(new App().secretKey("old-secret-key-0123456789").sessions());
    String oldCookie = cookieOf(get(before, "/count", null));
    App rotated = counter(new App().secretKey(KEY, "old-secret-key-0123456789").sessions());
    App currentOnly = counter(new App().secretKey(KEY).sessions());

    Response peek = get(rotated, "/peek", oldCookie);

    assertThat(peek.bodyText()).isEqualTo("{\"count\":1}");
    String resigned = cookieOf(peek);
    assertThat(resigned).isNotEqualTo(oldCookie);
    assertThat(get(currentOnly, "/peek", resigned).bodyText()).isEqualTo("{\"count\":1}");
    assertThat(get(currentOnly, "/peek", oldCookie).bodyText()).isEqualTo("{\"count\":0}");
  }

  @Test
  void errorResponsesKeepTheSessionChangesTheHandlerMade() {
    App app = counter(new App().secretKey(KEY).sessions());

    Response response = get(app, "/fail", null);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Set-Cookie")).startsWith("session=");
    assertThat(response.header("Vary")).isEqualTo("Cookie");
  }

  @Test
  void aSessionTooBigForACookieIsA500NotASilentlyDroppedCookie() {
    App app = counter(new App().secretKey(KEY).sessions());

    Response response = get(app, "/huge", null);

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.headers().contains("Set-Cookie")).isFalse();
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  @Test
  void otherFiltersSeeTheSessionAndTheVaryMergesWithTheirs() {
    App app = new App()
        .before(req -> req.session().getString("user") == null && req.path().equals("/admin") ? Response.of(401) : null)
        .after((req, res) -> res.withVary("Accept-Encoding"))
        .get("/login", req -> {
          req.session().put("user", "ann");
          return ok("in");
        })
        .get("/admin", req -> ok("hello " + req.session().getString("user")))
        .secretKey(KEY)
        .sessions();

    assertThat(get(app, "/admin", null).status()).isEqualTo(401);
    Response login = get(app, "/login", null);
    assertThat(login.header("Vary")).isEqualTo("Accept-Encoding, Cookie");
    assertThat(get(app, "/admin", cookieOf(login)).bodyText()).isEqualTo("hello ann");
  }

  @Test
  void sessionValuesMustBeJson() {
    App app = new App().secretKey(KEY).sessions()
        .get("/bad", req -> ok(String.valueOf(req.session().put("when", new Object()))));

    assertThat(get(app, "/bad", null).status()).isEqualTo(500);
  }

  @Test
  void withoutSessionsReadingOneIsAProgrammingError() {
    Request request = Request.builder("GET", "/").build();

    assertThatThrownBy(request::session).isInstanceOf(IllegalStateException.class).hasMessageContaining("app.sessions()");
    assertThatThrownBy(() -> new App().sessions().secretKey(KEY)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before turning sessions on");
    assertThatThrownBy(() -> new App().secretKey("short").sessions()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("app.secretKey(..) is 5 characters long; use at least 16");
  }
}
