package dev.vial;

import static dev.vial.Exchange.get;
import static dev.vial.Responses.ok;
import static dev.vial.Responses.status;
import static dev.vial.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppFiltersTest {

  @Test
  void beforeFilterShortCircuitsByReturningAResponse() {
    List<String> calls = new ArrayList<>();
    App app = new App()
        .get("/secret", req -> {
          calls.add("handler");
          return ok("secret");
        })
        .before(req -> req.header("Authorization") == null ? text(401, "login first") : null);

    Response response = get(app, "/secret");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.bodyText()).isEqualTo("login first");
    assertThat(calls).isEmpty();
  }

  @Test
  void afterFiltersStillRunAfterAShortCircuit() {
    App app = new App()
        .get("/a", req -> ok("a"))
        .before(req -> status(403))
        .after((req, res) -> res.withHeader("X-After", "yes"));

    assertThat(get(app, "/a").header("X-After")).isEqualTo("yes");
  }

  @Test
  void attributesSetByFiltersAreVisibleToTheHandler() {
    App app = new App()
        .get("/me", req -> ok("hello " + req.attribute("user")))
        .before(req -> {
          req.attribute("user", "ann");
          return null;
        });

    assertThat(get(app, "/me").bodyText()).isEqualTo("hello ann");
  }

  @Test
  void afterFilterMayReplaceTheResponse() {
    App app = new App()
        .get("/a", req -> ok("original"))
        .after((req, res) -> ok(res.bodyText().toUpperCase()).withHeader("X-Route", req.route()));

    Response response = get(app, "/a");

    assertThat(response.bodyText()).isEqualTo("ORIGINAL");
    assertThat(response.header("X-Route")).isEqualTo("/a");
  }

  @Test
  void afterFiltersSeeRenderedJsonBodies() {
    App app = new App()
        .get("/j", req -> Responses.json(List.of("a")))
        .after((req, res) -> res.withHeader("X-Length", Integer.toString(res.body().length)));

    assertThat(get(app, "/j").header("X-Length")).isEqualTo("5");
  }

  @Test
  void afterFiltersSeeErrorResponses() {
    App app = new App()
        .get("/boom", req -> {
          throw new IllegalStateException("x");
        })
        .after((req, res) -> res.withHeader("X-Status", Integer.toString(res.status())));

    assertThat(get(app, "/boom").header("X-Status")).isEqualTo("500");
    assertThat(get(app, "/nope").header("X-Status")).isEqualTo("404");
  }

  @Test
  void afterFilterMayReturnJsonThatTheAppRenders() {
    App app = new App()
        .get("/a", req -> ok("a"))
        .after((req, res) -> Responses.json(List.of(res.bodyText())));

    assertThat(get(app, "/a").bodyText()).isEqualTo("[\"a\"]");
  }

  @Test
  void pathScopedFiltersCoverThePathAndBelowButNotSiblingsWithTheSamePrefix() {
    List<String> seen = new ArrayList<>();
    App app = new App()
        .get("/admin", req -> ok("admin"))
        .get("/admin/users", req -> ok("users"))
        .get("/administrator", req -> ok("administrator"))
        .before("/admin", req -> {
          seen.add(req.path());
          return null;
        })
        .after("/admin/*", (req, res) -> res.withHeader("X-Admin", "1"));

    assertThat(get(app, "/admin").header("X-Admin")).isEqualTo("1");
    assertThat(get(app, "/admin/users").header("X-Admin")).isEqualTo("1");
    assertThat(get(app, "/admin/").header("X-Admin")).isEqualTo("1");
    assertThat(get(app, "/administrator").header("X-Admin")).isNull();
    assertThat(seen).containsExactly("/admin", "/admin/users", "/admin/");
  }

  @Test
  void filterScopedToTheRootCoversEveryPath() {
    App app = new App()
        .get("/a/b", req -> ok("ab"))
        .after("/", (req, res) -> res.withHeader("X-Root", "1"))
        .after("/*", (req, res) -> res.withHeader("X-Star", "1"));

    Response response = get(app, "/a/b");

    assertThat(response.header("X-Root")).isEqualTo("1");
    assertThat(response.header("X-Star")).isEqualTo("1");
  }

  @Test
  void beforeFiltersRunForUnknownPathsAndWrongMethods() {
    List<String> seen = new ArrayList<>();
    App app = new App().get("/a", req -> ok("a")).before(req -> {
      seen.add(req.method() + " " + req.path());
      return null;
    });

    get(app, "/nope");
    Exchange.call(app, "POST", "/a");

    assertThat(seen).containsExactly("GET /nope", "POST /a");
  }

  @Test
  void runsAppBeforesThenBlueprintBeforesAndBlueprintAftersThenAppAfters() {
    List<String> order = new ArrayList<>();
    Blueprint api = new Blueprint("/api")
        .get("/x", req -> {
          order.add("handler");
          return ok("x");
        })
        .before(req -> {
          order.add("bp before 1");
          return null;
        })
        .before(req -> {
          order.add("bp before 2");
          return null;
        })
        .after((req, res) -> {
          order.add("bp after");
          return res;
        });
    App app = new App()
        .before(req -> {
          order.add("app before");
          return null;
        })
        .after((req, res) -> {
          order.add("app after");
          return res;
        })
        .register(api);

    get(app, "/api/x");

    assertThat(order).containsExactly("app before", "bp before 1", "bp before 2", "handler", "bp after", "app after");
  }

  @Test
  void filtersSeeTheDecodedPath() {
    App app = new App()
        .get("/admin/{name}", req -> ok(req.pathParam("name")))
        .before("/admin", req -> status(403));

    assertThat(get(app, "/adm%69n/x").status()).isEqualTo(403);
  }

  @Test
  void rejectsFilterPathsWithoutLeadingSlash() {
    assertThatThrownBy(() -> new App().before("admin", req -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> new App().before(null)).hasMessageContaining("must not be null");
  }
}
