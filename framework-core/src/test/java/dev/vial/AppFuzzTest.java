package dev.vial;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for the router and JSON binding, driven through {@link App#handle}: whatever path,
 * method, query or body arrives, the app answers with a client status and never a 500. In a normal
 * test run each replays its committed seeds ({@code src/test/resources/dev/vial/AppFuzzTestInputs/<method>/});
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class AppFuzzTest {

  /** The usual methods, and some a router has to refuse cleanly. */
  private static final String[] METHODS =
      {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get", "BREW", "M-SEARCH", "TRACE"};

  record Item(String name, int quantity) {}

  record Order(String id, List<Item> items, Map<String, Double> prices) {
    Order {
      if (id != null && id.isBlank()) {
        throw new IllegalArgumentException("id must not be blank");
      }
    }
  }

  private static final App ROUTER = routerApp();
  private static final App BINDER = new App()
      .post("/orders", req -> json(req.json(Order.class)))
      .post("/items", req -> ok(Integer.toString(req.json(Item[].class).length)));

  /** A realistic table: statics, every parameter type, a catch-all, a blueprint with its own filter and errors. */
  private static App routerApp() {
    Blueprint admin = new Blueprint("/admin")
        .before(req -> req.header("X-Admin") == null ? Responses.error(403, "admins only") : null)
        .get("/users/{id:uuid}", req -> ok(req.pathParamUuid("id").toString()))
        .delete("/users/{id:uuid}", req -> Responses.noContent())
        .error(404, (e, req) -> Responses.text(404, "no admin page"));
    return new App()
        .get("/", req -> ok("home"))
        .get("/health", req -> ok("up"))
        .get("/users", req -> json(req.queryParams()))
        .post("/users", req -> Responses.created("/users/1", Map.of("id", 1)))
        .get("/users/{id:int}", req -> ok(Integer.toString(req.pathParamInt("id"))))
        .put("/users/{id:int}", req -> ok(Integer.toString(req.pathParamInt("id"))))
        .get("/users/{id:int}/posts/{slug}", req -> ok(req.pathParam("slug") + req.pathParamInt("id")))
        .get("/users/me", req -> ok("me"))
        .get("/orders/{n:long}", req -> ok(Long.toString(req.pathParamLong("n"))))
        .get("/files/{rest:path}", req -> ok(req.pathParam("rest")))
        .get("/search", req -> ok(String.valueOf(req.query("q")) + req.cookies().size()))
        .post("/forms", req -> json(req.formParams()))
        .register(admin);
  }

  @FuzzTest(maxDuration = "5m")
  void routerAnswersAnyPathWithoutAServerError(FuzzedDataProvider data) {
    String method = data.pickValue(METHODS);
    boolean withQuery = data.consumeBoolean();
    String rawPath = data.consumeString(512);
    String rawQuery = withQuery ? data.consumeString(256) : null;
    String cookie = data.consumeRemainingAsString();
    Request request = Request.builder(method, rawPath)
        .rawQuery(rawQuery)
        .headers(Headers.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"))
        .body(rawQuery == null ? new byte[0] : rawQuery.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .build();

    Response response = ROUTER.handle(request);

    assertThat(response.status()).as("%s %s", method, rawPath).isIn(200, 201, 204, 400, 403, 404, 405);
    assertThat(response.bodyText()).doesNotContain("Exception", "\tat ");
  }

  @FuzzTest(maxDuration = "5m")
  void jsonBindingAnswersOkOrBadRequest(FuzzedDataProvider data) {
    String path = data.consumeBoolean() ? "/orders" : "/items";
    byte[] body = data.consumeRemainingAsBytes();
    Request request = Request.builder("POST", path)
        .headers(Headers.of("Content-Type", "application/json"))
        .body(body)
        .build();

    Response response = BINDER.handle(request);

    assertThat(response.status()).isIn(200, 400);
    assertThat(response.bodyText()).doesNotContain("\tat ", "dev.vial.AppFuzzTest");
  }
}
