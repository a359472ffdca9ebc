package dev.vial.cors;

import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Blueprint;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  private static final CorsPolicy POLICY = CorsPolicy.allowOrigins("https://app.example", "https://*.app.example")
      .allowMethods("GET", "POST", "PUT", "DELETE")
      .allowHeaders("Content-Type", "X-Requested-With")
      .exposeHeaders("X-Request-Id")
      .allowCredentials(true)
      .maxAge(Duration.ofSeconds(600));

  private final AtomicInteger handled = new AtomicInteger();

  private App app() {
    return new App()
        .cors(POLICY)
        .get("/items", req -> {
          handled.incrementAndGet();
          return ok("items").withHeader("Vary", "Accept-Encoding");
        })
        .options("/custom", req -> {
          handled.incrementAndGet();
          return ok("custom options");
        })
        .get("/boom", req -> {
          throw new IllegalStateException("bug");
        });
  }

  private static Response send(App app, String method, String path, String... headers) {
    return app.handle(Request.builder(method, path).headers(Headers.of(headers)).build());
  }

  private static Response preflight(App app, String path, String origin, String method, String requestHeaders) {
    return requestHeaders == null
        ? send(app, "OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method)
        : send(app, "OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
            "Access-Control-Request-Headers", requestHeaders);
  }

  private static void assertNoCorsHeaders(Response response) {
    for (String name : response.headers().names()) {
      assertThat(name.toLowerCase()).doesNotStartWith("access-control-");
    }
  }

  @Test
  void anAllowedPreflightIsAnswered204WithEveryHeader() {
    Response response = preflight(app(), "/items", "https://app.example", "PUT", "content-type, X-Requested-With");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, DELETE");
    assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-requested-with");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.headers().all("Vary")).containsExactly("Origin");
    assertThat(response.header("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void aPreflightWithoutRequestHeadersGetsNoAllowHeaders() {
    Response response = preflight(app(), "/items", "https://a.app.example", "DELETE", null);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://a.app.example");
    assertThat(response.header("Access-Control-Allow-Headers")).isNull();
  }

  @Test
  void aPreflightIsAnsweredForPathsWithoutAnOptionsRouteOrWithoutAnyRoute() {
    assertThat(preflight(app(), "/nowhere/at/all", "https://app.example", "POST", null).status()).isEqualTo(204);
    assertThat(preflight(app(), "/boom", "https://app.example", "GET", null).status()).isEqualTo(204);
  }

  @Test
  void theHandlerNeverRunsForAPreflight() {
    App app = app();

    Response response = preflight(app, "/custom", "https://app.example", "PUT", null);

    assertThat(response.status()).isEqualTo(204);
    assertThat(handled).hasValue(0);
    assertThat(send(app, "OPTIONS", "/custom").bodyText()).as("a plain OPTIONS still reaches the route")
        .isEqualTo("custom options");
  }

  @Test
  void aDisallowedOriginMethodOrHeaderIsRefused403WithoutCorsHeaders() {
    App app = app();
    Response origin = preflight(app, "/items", "https://evil.example", "GET", null);
    Response method = preflight(app, "/items", "https://app.example", "PATCH", null);
    Response header = preflight(app, "/items", "https://app.example", "PUT", "Content-Type, X-Secret");
    Response malformed = preflight(app, "/items", "https://app.example", "PUT", "a b");
    Response twoOrigins = send(app, "OPTIONS", "/items", "Origin", "https://app.example", "Origin",
        "https://app.example", "Access-Control-Request-Method", "GET");

    assertThat(origin.status()).isEqualTo(403);
    assertThat(origin.contentType()).isEqualTo("application/json");
    assertThat(origin.bodyText()).isEqualTo("{\"error\":\"CORS preflight refused: origin not allowed\",\"status\":403}");
    assertThat(method.bodyText()).isEqualTo(
        "{\"error\":\"CORS preflight refused: method not allowed (allowed: GET, POST, PUT, DELETE)\",\"status\":403}");
    assertThat(header.bodyText()).isEqualTo("{\"error\":\"CORS preflight refused: request header 'x-secret' not "
        + "allowed (allowed: Content-Type, X-Requested-With)\",\"status\":403}");
    assertThat(malformed.bodyText()).contains("is not a list of header names");
    assertThat(twoOrigins.status()).isEqualTo(403);
    for (Response refused : new Response[] {origin, method, header, malformed, twoOrigins}) {
      assertThat(refused.status()).isEqualTo(403);
      assertNoCorsHeaders(refused);
      assertThat(refused.headers().all("Vary")).containsExactly("Origin");
    }
    assertThat(handled).hasValue(0);
  }

  @Test
  void aRefusedPreflightGoesThroughTheAppsErrorHandlers() {
    App app = new App().cors(POLICY).error(403, (e, req) -> json(403, Map.of("denied", e.getMessage())));

    Response response = preflight(app, "/x", "https://evil.example", "GET", null);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.bodyText()).isEqualTo("{\"denied\":\"CORS preflight refused: origin not allowed\"}");
    assertNoCorsHeaders(response);
  }

  @Test
  void anAllowedOriginGetsTheCorsHeadersAndVaryIsMerged() {
    Response response = send(app(), "GET", "/items", "Origin", "https://b.app.example");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("items");
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://b.app.example");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
    assertThat(response.headers().all("Vary")).containsExactly("Accept-Encoding, Origin");
    assertThat(response.header("Access-Control-Allow-Methods")).isNull();
  }

  @Test
  void aDisallowedOriginGetsItsNormalAnswerWithoutCorsHeaders() {
    Response response = send(app(), "GET", "/items", "Origin", "https://evil.example");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("items");
    assertNoCorsHeaders(response);
    assertThat(response.headers().all("Vary")).containsExactly("Accept-Encoding, Origin");
  }

  @Test
  void aRequestWithoutOriginStillVariesOnOriginSoCachesKeepTheAnswersApart() {
    Response response = send(app(), "GET", "/items");

    assertNoCorsHeaders(response);
    assertThat(response.headers().all("Vary")).containsExactly("Accept-Encoding, Origin");
  }

  @Test
  void errorAnswersFromAnAllowedOriginCarryTheCorsHeaders() {
    App app = app();

    Response notFound = send(app, "GET", "/missing", "Origin", "https://app.example");
    Response notAllowed = send(app, "DELETE", "/items", "Origin", "https://app.example");
    Response failed = send(app, "GET", "/boom", "Origin", "https://app.example");
    Response malformedPath = send(app, "GET", "/%zz", "Origin", "https://app.example");

    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(malformedPath.status()).isEqualTo(400);
    for (Response error : new Response[] {notFound, notAllowed, failed, malformedPath}) {
      assertThat(error.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
      assertThat(error.header("Access-Control-Allow-Credentials")).isEqualTo("true");
      assertThat(error.headers().all("Vary")).containsExactly("Origin");
    }
  }

  @Test
  void aPolicyForAnyOriginAnswersStarWithoutVary() {
    App app = new App().cors(CorsPolicy.allowOrigins("*")).get("/", req -> ok("hi"));

    Response actual = send(app, "GET", "/", "Origin", "https://anyone.example");
    Response pre = preflight(app, "/", "https://anyone.example", "PATCH", "X-Custom");

    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(actual.header("Vary")).isNull();
    assertThat(actual.header("Access-Control-Allow-Credentials")).isNull();
    assertThat(pre.status()).isEqualTo(204);
    assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(pre.header("Access-Control-Allow-Headers")).isEqualTo("x-custom");
    assertThat(send(app, "GET", "/").header("Vary")).isNull();
  }

  @Test
  void aBlueprintPolicyCoversItsRoutesAndUnroutedPathsUnderItsPrefixOnly() {
    App app = new App()
        .get("/public", req -> ok("public"))
        .register(new Blueprint("/api").cors(CorsPolicy.allowOrigins("https://app.example"))
            .get("/items", req -> ok("items")));

    assertThat(send(app, "GET", "/api/items", "Origin", "https://app.example")
        .header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(preflight(app, "/api/unknown", "https://app.example", "PUT", null).status()).isEqualTo(204);
    assertThat(send(app, "GET", "/public", "Origin", "https://app.example").header("Access-Control-Allow-Origin"))
        .isNull();
    assertThat(preflight(app, "/public", "https://app.example", "PUT", null).status())
        .as("outside the blueprint a preflight is an ordinary OPTIONS").isEqualTo(204);
    assertThat(preflight(app, "/public", "https://app.example", "PUT", null).header("Access-Control-Allow-Origin"))
        .isNull();
  }

  @Test
  void headAndFrontDoorRejectionsCarryTheHeadersToo() {
    App app = app();

    Response head = send(app, "HEAD", "/items", "Origin", "https://app.example");
    Response tooLarge = app.reject(Request.builder("POST", "/items")
        .headers(Headers.of("Origin", "https://app.example")).build(), new dev.vial.HttpException(413));

    assertThat(head.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(head.body()).isEmpty();
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
  }
}
