package dev.vial;

import static dev.vial.Exchange.call;
import static dev.vial.Exchange.get;
import static dev.vial.Responses.ok;
import static dev.vial.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueprintTest {

  @Test
  void mountsRoutesUnderItsPrefix() {
    App app = new App().register(new Blueprint("/users")
        .get("/", req -> ok("list"))
        .get("/{id:int}", req -> ok("user " + req.pathParamInt("id"))));

    assertThat(get(app, "/users").bodyText()).isEqualTo("list");
    assertThat(get(app, "/users/").bodyText()).isEqualTo("list");
    assertThat(get(app, "/users/7").bodyText()).isEqualTo("user 7");
    assertThat(get(app, "/users/7").status()).isEqualTo(200);
  }

  @Test
  void nestsPrefixes() {
    Blueprint users = new Blueprint("/users").get("/{id}", req -> ok(req.route()));
    App app = new App().register(new Blueprint("/api").register(new Blueprint("/v1/").register(users)));

    assertThat(get(app, "/api/v1/users/3").bodyText()).isEqualTo("/api/v1/users/{id}");
  }

  @Test
  void acceptsAnEmptyOrRootPrefix() {
    App app = new App()
        .register(new Blueprint("").get("/a", req -> ok("a")))
        .register(new Blueprint("/").get("/b", req -> ok("b")));

    assertThat(get(app, "/a").bodyText()).isEqualTo("a");
    assertThat(get(app, "/b").bodyText()).isEqualTo("b");
  }

  @Test
  void rejectsConflictsAcrossBlueprints() {
    App app = new App().get("/api/users/{id}", req -> ok("app"));

    assertThatThrownBy(() -> app.register(new Blueprint("/api").get("/users/{name}", req -> ok("bp"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Route conflict: GET /api/users/{name} is already defined as GET /api/users/{id}");

    App other = new App().register(new Blueprint("/api").get("/x", req -> ok("1")));
    assertThatThrownBy(() -> other.register(new Blueprint("/api").get("/x/", req -> ok("2"))))
        .hasMessageContaining("Route conflict: GET /api/x");
    assertThatThrownBy(() -> other.get("/api/x", req -> ok("3"))).hasMessageContaining("Route conflict");
  }

  @Test
  void rejectsConflictsBetweenNestedBlueprints() {
    Blueprint v1 = new Blueprint("/v1").get("/ping", req -> ok("nested"));
    Blueprint api = new Blueprint("/api").get("/v1/ping", req -> ok("flat"));

    assertThatThrownBy(() -> api.register(v1)).hasMessageContaining("Route conflict: GET /v1/ping");
  }

  @Test
  void rejectsDuplicateParameterNamesAcrossPrefixAndRoute() {
    Blueprint bp = new Blueprint("/users/{id}").get("/posts/{id}", req -> ok("x"));

    assertThatThrownBy(() -> new App().register(bp)).hasMessageContaining("Parameter 'id' appears twice");
  }

  @Test
  void refusesChangesOnceRegistered() {
    Blueprint bp = new Blueprint("/api").get("/a", req -> ok("a"));
    new App().register(bp);

    assertThatThrownBy(() -> bp.get("/b", req -> ok("b")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Blueprint '/api' is already registered");
    assertThatThrownBy(() -> bp.register(new Blueprint("/c"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesToRegisterItselfAndBadPrefixes() {
    Blueprint bp = new Blueprint("/a");

    assertThatThrownBy(() -> bp.register(bp)).hasMessageContaining("inside itself");
    assertThatThrownBy(() -> new Blueprint("api")).hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> new Blueprint(null)).hasMessageContaining("must not be null");
  }

  @Test
  void filtersDoNotRunForOtherBlueprintsRoutes() {
    List<String> seen = new ArrayList<>();
    Blueprint a = new Blueprint("/a").get("/x", req -> ok("a")).before(req -> {
      seen.add("a-filter " + req.path());
      return null;
    });
    Blueprint b = new Blueprint("/b").get("/x", req -> ok("b"));
    Blueprint samePrefix = new Blueprint("").get("/a/y", req -> ok("y"));
    App app = new App().register(a).register(b).register(samePrefix).get("/top", req -> ok("top"));

    get(app, "/b/x");
    get(app, "/top");
    get(app, "/a/y");
    get(app, "/a/x");

    assertThat(seen).containsExactly("a-filter /a/x");
  }

  @Test
  void pathScopedFiltersAreRelativeToThePrefix() {
    Blueprint api = new Blueprint("/api")
        .get("/admin/x", req -> ok("admin"))
        .get("/public", req -> ok("public"))
        .before("/admin", req -> text(403, "no"));
    App app = new App().register(api);

    assertThat(get(app, "/api/admin/x").status()).isEqualTo(403);
    assertThat(get(app, "/api/public").status()).isEqualTo(200);
  }

  @Test
  void blueprintExceptionHandlersWinOverTheAppsAtEqualSpecificity() {
    Blueprint api = new Blueprint("/api")
        .get("/boom", req -> {
          throw new IllegalStateException("x");
        })
        .exception(IllegalStateException.class, (e, req) -> text(500, "blueprint"));
    App app = new App()
        .get("/boom", req -> {
          throw new IllegalStateException("x");
        })
        .exception(IllegalStateException.class, (e, req) -> text(500, "app"))
        .register(api);

    assertThat(get(app, "/api/boom").bodyText()).isEqualTo("blueprint");
    assertThat(get(app, "/boom").bodyText()).isEqualTo("app");
  }

  @Test
  void aMoreSpecificAppHandlerWinsOverABroaderBlueprintHandler() {
    Blueprint api = new Blueprint("/api")
        .get("/boom", req -> {
          throw new IllegalStateException("x");
        })
        .exception(RuntimeException.class, (e, req) -> text(500, "blueprint runtime"));
    App app = new App().exception(IllegalStateException.class, (e, req) -> text(500, "app state")).register(api);

    assertThat(get(app, "/api/boom").bodyText()).isEqualTo("app state");
  }

  @Test
  void unmatchedPathsUnderThePrefixUseTheBlueprintsErrorHandlers() {
    Blueprint v1 = new Blueprint("/v1").get("/ping", req -> ok("pong"))
        .error(404, (e, req) -> text(404, "v1 404"))
        .error(405, (e, req) -> text(405, "v1 405"))
        .error(400, (e, req) -> text(400, "v1 400"));
    Blueprint api = new Blueprint("/api").register(v1).error(404, (e, req) -> text(404, "api 404"));
    App app = new App().register(api).error(404, (e, req) -> text(404, "app 404"));

    assertThat(get(app, "/api/v1/nope").bodyText()).isEqualTo("v1 404");
    assertThat(get(app, "/api/v1").bodyText()).isEqualTo("v1 404");
    assertThat(call(app, "POST", "/api/v1/ping").bodyText()).isEqualTo("v1 405");
    assertThat(get(app, "/api/v1/%zz").bodyText()).isEqualTo("v1 400");
    assertThat(get(app, "/api/v2").bodyText()).isEqualTo("api 404");
    assertThat(get(app, "/apix").bodyText()).isEqualTo("app 404");
  }

  @Test
  void blueprintStatusHandlersFallBackToTheApps() {
    Blueprint api = new Blueprint("/api").get("/gone", req -> {
      throw new HttpException(410);
    });
    App app = new App().register(api).error(410, (e, req) -> text(410, "app 410"));

    assertThat(get(app, "/api/gone").bodyText()).isEqualTo("app 410");
  }
}
