package dev.vial;

import static dev.vial.Responses.ok;
import static dev.vial.Responses.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AppUrlForTest {

  private static App app() {
    return new App()
        .route("GET", "/", "home", req -> ok("home"))
        .route("GET", "/go", "go", req -> redirect(req.urlFor("user", "id", 42, "tab", "a b")))
        .route("GET", "/self/{name}", "self", req -> ok(req.urlFor("self", req.pathParams())))
        .register(new Blueprint("/api")
            .route("GET", "/users/{id:int}", "user", req -> ok("user " + req.pathParamInt("id")))
            .register(new Blueprint("/files")
                .route("GET", "/{rest:path}", "file", req -> ok(req.pathParam("rest")))
                .route("PUT", "/{rest:path}", "file", req -> ok("put"))));
  }

  @Test
  void buildsTheFullTemplateOfARouteNamedInANestedBlueprint() {
    App app = app();

    assertThat(app.urlFor("user", "id", 7)).isEqualTo("/api/users/7");
    assertThat(app.urlFor("file", Map.of("rest", "a/b c"))).isEqualTo("/api/files/a/b%20c");
    assertThat(app.urlFor("home")).isEqualTo("/");
  }

  @Test
  void aRequestBuildsUnderItsMountPath() {
    App app = app();

    Response local = app.handle(Request.builder("GET", "/go").build());
    Response staged = app.handle(Request.builder("GET", "/go").mountPath("/prod").build());

    assertThat(local.header("Location")).isEqualTo("/api/users/42?tab=a%20b");
    assertThat(staged.header("Location")).isEqualTo("/prod/api/users/42?tab=a%20b");
  }

  @Test
  void appUrlForBeforeTheFirstRequestSeesRoutesAddedLater() {
    App app = new App().route("GET", "/a", "a", req -> ok("a"));
    assertThat(app.urlFor("a")).isEqualTo("/a");

    app.route("GET", "/b/{x}", "b", req -> ok("b"));

    assertThat(app.urlFor("b", "x", "y")).isEqualTo("/b/y");
    assertThat(app.handle(Request.builder("GET", "/b/y").build()).bodyText()).isEqualTo("b");
    assertThat(app.urlFor("b", "x", "z")).isEqualTo("/b/z");
  }

  @Test
  void oneNameMayLabelSeveralMethodsOfOneTemplateButNotTwoTemplates() {
    App app = new App().route("GET", "/a", "a", req -> ok("a")).route("POST", "/a", "a", req -> ok("a"));

    assertThatThrownBy(() -> app.route("GET", "/b", "a", req -> ok("b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Route name 'a' already names /a, not /b");
    Blueprint clash = new Blueprint("/x").route("GET", "/a", "a", req -> ok("x"));
    assertThatThrownBy(() -> app.register(clash)).hasMessage("Route name 'a' already names /a, not /x/a");
    assertThatThrownBy(() -> app.route("GET", "/c", " ", req -> ok("c"))).hasMessageContaining("must not be blank");
    app.route("GET", "/b", "b", req -> ok("b"));
    assertThat(app.urlFor("b")).as("a refused name left the route free to register").isEqualTo("/b");
  }

  @Test
  void unknownNamesAndRequestsThatDidNotGoThroughTheAppAreRefused() {
    assertThatThrownBy(() -> app().urlFor("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No route is named 'nope'");
    assertThatThrownBy(() -> Request.builder("GET", "/").build().urlFor("home"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHandlerCanRebuildItsOwnUrl() {
    Response response = app().handle(Request.builder("GET", "/self/a%20b%3F").mountPath("/dev").build());

    assertThat(response.bodyText()).isEqualTo("/dev/self/a%20b%3F");
  }

  /**
   * The promise of urlFor, checked on many generated values: the path it builds routes back to the same
   * route, which sees exactly the value that went in, and the query string decodes to the same value.
   */
  @Test
  void whatUrlForBuildsRoutesBackToTheSameRouteWithTheSameValues() {
    App app = new App()
        .route("GET", "/s/{name}", "plain", req -> ok("plain|" + req.pathParam("name") + "|" + req.query("q")))
        .route("GET", "/p/{rest:path}", "path", req -> ok("path|" + req.pathParam("rest") + "|" + req.query("q")))
        .route("GET", "/i/{n:int}", "int", req -> ok("int|" + req.pathParamInt("n") + "|" + req.query("q")));
    Random random = new Random(20261130L);

    for (int i = 0; i < 2_000; i++) {
      String value = randomText(random, false);
      String path = randomPath(random);
      String query = randomText(random, true);
      int number = random.nextInt();

      assertThat(roundTrip(app, app.urlFor("plain", "name", value, "q", query))).isEqualTo("plain|" + value + "|" + query);
      assertThat(roundTrip(app, app.urlFor("path", "rest", path, "q", query))).isEqualTo("path|" + path + "|" + query);
      assertThat(roundTrip(app, app.urlFor("int", "n", number, "q", query))).isEqualTo("int|" + number + "|" + query);
    }
  }

  private static String roundTrip(App app, String url) {
    int question = url.indexOf('?');
    Request.Builder request = Request.builder("GET", question < 0 ? url : url.substring(0, question));
    if (question >= 0) {
      request.rawQuery(url.substring(question + 1));
    }
    Response response = app.handle(request.build());
    assertThat(response.status()).as(url).isEqualTo(200);
    return response.bodyText();
  }

  /** Text from a mix of ASCII (delimiters included), Latin-1, BMP and astral characters. */
  private static String randomText(Random random, boolean mayBeEmpty) {
    String pool = "aZ09 /?#%&=+;:@!$'()*,.-_~\"<>[]\\^`{|}\t";
    int length = (mayBeEmpty ? 0 : 1) + random.nextInt(12);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      switch (random.nextInt(4)) {
        case 0, 1 -> text.append(pool.charAt(random.nextInt(pool.length())));
        case 2 -> text.append((char) (0xa0 + random.nextInt(0xd7ff - 0xa0)));
        default -> text.appendCodePoint(0x10000 + random.nextInt(0x10ffff - 0x10000));
      }
    }
    String result = text.toString();
    return result.equals(".") || result.equals("..") ? result + "x" : result;
  }

  private static String randomPath(Random random) {
    int segments = 1 + random.nextInt(4);
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments; i++) {
      path.append(i == 0 ? "" : "/").append(randomText(random, false).replace('/', '_'));
    }
    return path.toString().replace("/./", "/x/").replace("/../", "/x/");
  }
}
