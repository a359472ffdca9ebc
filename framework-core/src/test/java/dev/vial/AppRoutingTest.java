package dev.vial;

import static dev.vial.Exchange.call;
import static dev.vial.Exchange.get;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppRoutingTest {

  private static Handler says(String text) {
    return req -> ok(text);
  }

  @Test
  void routesEachMethodToItsOwnHandler() {
    App app = new App()
        .get("/r", says("get")).post("/r", says("post")).put("/r", says("put"))
        .patch("/r", says("patch")).delete("/r", says("delete")).head("/r", says("head"))
        .options("/r", says("options")).route("PROPFIND", "/r", says("propfind"));

    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND")) {
      assertThat(call(app, method, "/r").bodyText()).isEqualTo(method.toLowerCase());
    }
    assertThat(call(app, "HEAD", "/r").status()).isEqualTo(200);
  }

  @Test
  void routesTheRootPath() {
    App app = new App().get("/", says("root"));

    assertThat(get(app, "/").bodyText()).isEqualTo("root");
    assertThat(get(app, "").bodyText()).isEqualTo("root");
  }

  @Test
  void routesWithTrailingSlashToTheSameHandler() {
    App app = new App().get("/a", says("a")).get("/b/", says("b"));

    assertThat(get(app, "/a/").bodyText()).isEqualTo("a");
    assertThat(get(app, "/a").bodyText()).isEqualTo("a");
    assertThat(get(app, "/b").bodyText()).isEqualTo("b");
    assertThat(get(app, "/b/").bodyText()).isEqualTo("b");
  }

  @Test
  void doesNotTreatEmptySegmentsAsSlashes() {
    App app = new App().get("/a/b", says("ab"));

    assertThat(get(app, "/a//b").status()).isEqualTo(404);
    assertThat(get(app, "//").status()).isEqualTo(404);
  }

  @Test
  void capturesPathParameters() {
    App app = new App().get("/users/{id}/posts/{post}", req -> ok(req.pathParam("id") + ":" + req.pathParam("post")));

    assertThat(get(app, "/users/ann/posts/7").bodyText()).isEqualTo("ann:7");
  }

  @Test
  void convertsTypedParameters() {
    App app = new App()
        .get("/i/{v:int}", req -> ok("int " + (req.pathParamInt("v") + 1)))
        .get("/l/{v:long}", req -> ok("long " + (req.pathParamLong("v") + 1)))
        .get("/u/{v:uuid}", req -> ok("uuid " + req.pathParamUuid("v").version()));

    assertThat(get(app, "/i/-41").bodyText()).isEqualTo("int -40");
    assertThat(get(app, "/l/9000000000").bodyText()).isEqualTo("long 9000000001");
    assertThat(get(app, "/u/123e4567-e89b-42d3-a456-426614174000").bodyText()).isEqualTo("uuid 4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/i/x", "/i/2147483648", "/i/1.5", "/i/+1", "/l/9223372036854775808",
      "/u/123e4567-e89b-42d3-a456-42661417400", "/u/123e4567xe89b-42d3-a456-426614174000"})
  void answersNotFoundWhenATypedSegmentDoesNotConvert(String path) {
    App app = new App()
        .get("/i/{v:int}", says("int"))
        .get("/l/{v:long}", says("long"))
        .get("/u/{v:uuid}", says("uuid"));

    assertThat(get(app, path).status()).isEqualTo(404);
  }

  @Test
  void restParameterCapturesTheRemainingSegmentsWithSlashes() {
    App app = new App().get("/files/{rest:path}", req -> ok(req.pathParam("rest")));

    assertThat(get(app, "/files/a/b/c.txt").bodyText()).isEqualTo("a/b/c.txt");
    assertThat(get(app, "/files/one").bodyText()).isEqualTo("one");
    assertThat(get(app, "/files/a/b/").bodyText()).isEqualTo("a/b");
  }

  @Test
  void restParameterNeedsAtLeastOneSegment() {
    App app = new App().get("/files/{rest:path}", says("file"));

    assertThat(get(app, "/files").status()).isEqualTo(404);
    assertThat(get(app, "/files/").status()).isEqualTo(404);
  }

  @Test
  void staticSegmentsWinOverParametersInEitherRegistrationOrder() {
    App staticFirst = new App().get("/users/me", says("me")).get("/users/{id}", says("param"));
    App paramFirst = new App().get("/users/{id}", says("param")).get("/users/me", says("me"));

    for (App app : List.of(staticFirst, paramFirst)) {
      assertThat(get(app, "/users/me").bodyText()).isEqualTo("me");
      assertThat(get(app, "/users/you").bodyText()).isEqualTo("param");
    }
  }

  @Test
  void typedParametersWinOverPlainOnesInEitherRegistrationOrder() {
    App typedFirst = new App().get("/x/{n:int}", says("int")).get("/x/{s}", says("string"))
        .get("/x/{u:uuid}", says("uuid")).get("/x/{l:long}", says("long"));
    App plainFirst = new App().get("/x/{s}", says("string")).get("/x/{l:long}", says("long"))
        .get("/x/{u:uuid}", says("uuid")).get("/x/{n:int}", says("int"));

    for (App app : List.of(typedFirst, plainFirst)) {
      assertThat(get(app, "/x/5").bodyText()).isEqualTo("int");
      assertThat(get(app, "/x/5000000000").bodyText()).isEqualTo("long");
      assertThat(get(app, "/x/123e4567-e89b-42d3-a456-426614174000").bodyText()).isEqualTo("uuid");
      assertThat(get(app, "/x/five").bodyText()).isEqualTo("string");
    }
  }

  @Test
  void fallsBackToAParameterWhenTheStaticBranchDeadEnds() {
    App app = new App().get("/a/b/c", says("static")).get("/a/{x}/d", says("param"));

    assertThat(get(app, "/a/b/d").bodyText()).isEqualTo("param");
    assertThat(get(app, "/a/b/c").bodyText()).isEqualTo("static");
  }

  @Test
  void prefersASingleSegmentParameterOverARestParameter() {
    App app = new App().get("/f/{rest:path}", says("rest")).get("/f/{name}/meta", says("meta"));

    assertThat(get(app, "/f/x/meta").bodyText()).isEqualTo("meta");
    assertThat(get(app, "/f/x/other").bodyText()).isEqualTo("rest");
  }

  @Test
  void rejectsAConflictingRouteWithAClearMessage() {
    App app = new App().get("/users/{id}", says("a"));

    assertThatThrownBy(() -> app.get("/users/{name}", says("b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Route conflict: GET /users/{name} is already defined as GET /users/{id}");
    assertThatThrownBy(() -> app.get("/users/{id}/", says("b")))
        .hasMessageContaining("Route conflict");
  }

  @Test
  void allowsTheSameTemplateForDifferentMethodsOrParameterTypes() {
    App app = new App().get("/u/{id}", says("get")).post("/u/{id}", says("post")).get("/u/{id:int}", says("int"));

    assertThat(call(app, "POST", "/u/1").bodyText()).isEqualTo("post");
    assertThat(get(app, "/u/1").bodyText()).isEqualTo("int");
  }

  @Test
  void rejectsMalformedRegistrations() {
    App app = new App();

    assertThatThrownBy(() -> app.get("users", says("x"))).hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> app.route("get", "/x", says("x"))).hasMessageContaining("upper-case");
    assertThatThrownBy(() -> app.get("/x", null)).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> app.get("/x/{id:float}", says("x")))
        .hasMessageContaining("Unknown path parameter type 'float'").hasMessageContaining("/x/{id:float}");
  }

  @Test
  void answersNotFoundForAnUnknownPath() {
    Response response = get(new App().get("/a", says("a")), "/b");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
    assertThat(response.contentType()).isEqualTo("application/json");
  }

  @Test
  void answersMethodNotAllowedWithAllowForAKnownPath() {
    App app = new App().get("/r", says("get")).delete("/r", says("delete"));

    Response response = call(app, "POST", "/r");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS");
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Method Not Allowed\",\"status\":405}");
  }

  @Test
  void allowListsMethodsFromEveryTemplateThatMatchesThePath() {
    App app = new App().post("/u/me", says("me")).put("/u/{id}", says("id"));

    Response response = call(app, "DELETE", "/u/me");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("OPTIONS, POST, PUT");
  }

  @Test
  void headRunsTheGetHandlerAndDropsTheBodyButKeepsItsHeaders() {
    App app = new App().get("/r", req -> ok("hello").withHeader("X-Method", req.method()));

    Response response = call(app, "HEAD", "/r");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Length")).isEqualTo("5");
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.header("X-Method")).isEqualTo("HEAD");
  }

  @Test
  void headKeepsTheContentLengthTheGetHandlerSet() {
    App app = new App().get("/r", req -> ok("hello").withHeader("Content-Length", "5"));

    assertThat(call(app, "HEAD", "/r").headers().all("Content-Length")).containsExactly("5");
  }

  @Test
  void headPrefersAnExplicitHeadRoute() {
    App app = new App().get("/r", says("get")).head("/r", req -> Responses.status(200).withHeader("X-Head", "1"));

    Response response = call(app, "HEAD", "/r");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Head")).isEqualTo("1");
    assertThat(response.header("Content-Length")).isNull();
  }

  @Test
  void headOnJsonRouteReportsTheRenderedLength() {
    App app = new App().get("/j", req -> Responses.json(List.of(1, 2)));

    Response response = call(app, "HEAD", "/j");

    assertThat(response.header("Content-Length")).isEqualTo("5");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void optionsOnAKnownPathAnswersNoContentWithAllow() {
    App app = new App().get("/r", says("get")).post("/r", says("post"));

    Response response = call(app, "OPTIONS", "/r");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void optionsUsesTheAppsOwnRouteWhenDefined() {
    App app = new App().get("/r", says("get")).options("/r", says("custom"));

    assertThat(call(app, "OPTIONS", "/r").bodyText()).isEqualTo("custom");
  }

  @Test
  void optionsOnAnUnknownPathIsNotFound() {
    assertThat(call(new App().get("/r", says("get")), "OPTIONS", "/nope").status()).isEqualTo(404);
  }

  @Test
  void listsRoutesWithFullTemplatesAndNames() {
    App app = new App()
        .route("GET", "/users/{id:int}", "user", says("u"))
        .post("/users", says("create"))
        .register(new Blueprint("/api").register(new Blueprint("/v1").get("/ping/", says("p"))));

    assertThat(app.routes()).containsExactly(
        new RouteInfo("GET", "/api/v1/ping", null),
        new RouteInfo("POST", "/users", null),
        new RouteInfo("GET", "/users/{id:int}", "user"));
    assertThat(app.routes().get(2)).hasToString("GET /users/{id:int} (user)");
  }

  @Test
  void refusesRegistrationsAfterTheFirstRequest() {
    App app = new App().get("/a", says("a"));
    get(app, "/a");

    assertThatThrownBy(() -> app.get("/b", says("b"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.before(req -> null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.after((req, res) -> res)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.error(404, (e, req) -> ok("x"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.exception(RuntimeException.class, (e, req) -> ok("x")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.register(new Blueprint("/x"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> app.jsonMapper(com.fasterxml.jackson.databind.ObjectMapper::new))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void routesMayBeListedAfterTheFirstRequest() {
    App app = new App().get("/a", says("a"));
    get(app, "/a");

    assertThat(app.routes()).containsExactly(new RouteInfo("GET", "/a", null));
  }
}
