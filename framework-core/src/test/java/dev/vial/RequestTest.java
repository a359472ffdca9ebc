package dev.vial;

import static dev.vial.Exchange.get;
import static dev.vial.Exchange.request;
import static dev.vial.Exchange.send;
import static dev.vial.Exchange.withBody;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestTest {

  /** Sends {@code request} to a one-route app and returns the request its handler saw. */
  private static Request seenBy(String template, Request.Builder request) {
    AtomicReference<Request> seen = new AtomicReference<>();
    App app = new App().route(request.build().method(), template, req -> {
      seen.set(req);
      return ok("seen");
    });
    Response response = send(app, request);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return seen.get();
  }

  @Test
  void exposesMethodPathsAndRoute() {
    Request req = seenBy("/users/{id:int}", request("GET", "/users/%37"));

    assertThat(req.method()).isEqualTo("GET");
    assertThat(req.path()).isEqualTo("/users/7");
    assertThat(req.rawPath()).isEqualTo("/users/%37");
    assertThat(req.route()).isEqualTo("/users/{id:int}");
    assertThat(req.pathParams()).containsExactly(Map.entry("id", "7"));
    assertThat(req.pathParamInt("id")).isEqualTo(7);
    assertThat(req.pathParamLong("id")).isEqualTo(7L);
    assertThat(req.pathParam("missing")).isNull();
  }

  @Test
  void pathParameterAccessorsAnswerBadRequestWhenAPlainParameterDoesNotConvert() {
    App app = new App()
        .get("/i/{v}", req -> ok("" + req.pathParamInt("v")))
        .get("/l/{v}", req -> ok("" + req.pathParamLong("v")))
        .get("/u/{v}", req -> ok("" + req.pathParamUuid("v")));

    Response notInt = get(app, "/i/abc");
    assertThat(notInt.status()).isEqualTo(400);
    assertThat(notInt.bodyText()).isEqualTo("{\"error\":\"Path parameter 'v' must be an int\",\"status\":400}");
    assertThat(get(app, "/i/99999999999").status()).isEqualTo(400);
    assertThat(get(app, "/l/1e3").status()).isEqualTo(400);
    assertThat(get(app, "/u/not-a-uuid").status()).isEqualTo(400);
    assertThat(get(app, "/u/00000000-0000-0000-0000-000000000000").bodyText())
        .isEqualTo("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void askingForAnUndeclaredParameterIsAProgrammingError() {
    Request req = seenBy("/a/{id}", request("GET", "/a/1"));

    assertThatThrownBy(() -> req.pathParamInt("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Route /a/{id} has no path parameter 'nope'");
  }

  @Test
  void exposesQueryParametersFirstAndAll() {
    Request req = seenBy("/q", request("GET", "/q?tag=a&tag=b&empty=&flag&x=1"));

    assertThat(req.rawQuery()).isEqualTo("tag=a&tag=b&empty=&flag&x=1");
    assertThat(req.query("tag")).isEqualTo("a");
    assertThat(req.queryAll("tag")).containsExactly("a", "b");
    assertThat(req.query("empty")).isEmpty();
    assertThat(req.query("flag")).isEmpty();
    assertThat(req.query("missing")).isNull();
    assertThat(req.queryAll("missing")).isEmpty();
    assertThat(req.queryParams().keySet()).containsExactly("tag", "empty", "flag", "x");
  }

  @Test
  void acceptsAlreadyDecodedQueryParametersWithoutDecodingThemAgain() {
    Request req = seenBy("/q", Request.builder("GET", "/q").queryParams(Map.of("v", List.of("%2B", "a+b"))));

    assertThat(req.queryAll("v")).containsExactly("%2B", "a+b");
    assertThat(req.rawQuery()).isNull();
    assertThat(seenBy("/q", Request.builder("GET", "/q").queryParams(null)).queryParams()).isEmpty();
  }

  @Test
  void headersAreCaseInsensitiveAndMultiValued() {
    Headers headers = Headers.of("Accept", "text/plain", "X-Tag", "a", "x-tag", "b", "Content-Type", "text/csv");
    Request req = seenBy("/h", Request.builder("GET", "/h").headers(headers));

    assertThat(req.header("accept")).isEqualTo("text/plain");
    assertThat(req.headers().all("X-TAG")).containsExactly("a", "b");
    assertThat(req.contentType()).isEqualTo("text/csv");
    assertThat(req.header("missing")).isNull();
  }

  @Test
  void parsesCookiesFromEveryCookieHeader() {
    Headers headers = Headers.of("Cookie", "session=abc; theme=\"dark\"", "cookie", "lang=en; session=other");
    Request req = seenBy("/c", Request.builder("GET", "/c").headers(headers));

    assertThat(req.cookie("session")).isEqualTo("abc");
    assertThat(req.cookie("theme")).isEqualTo("dark");
    assertThat(req.cookie("lang")).isEqualTo("en");
    assertThat(req.cookie("missing")).isNull();
    assertThat(req.cookies()).containsOnlyKeys("session", "theme", "lang");
  }

  @Test
  void exposesTheBodyAsBytesAndUtf8Text() {
    Request req = seenBy("/b", withBody(request("POST", "/b"), "text/plain", "caf\u00e9"));

    assertThat(req.body()).hasSize(5);
    assertThat(req.bodyText()).isEqualTo("caf\u00e9");
    assertThat(seenBy("/b", request("POST", "/b").body(null)).body()).isEmpty();
  }

  @Test
  void parsesFormFieldsOfUrlEncodedBodies() {
    Request req = seenBy("/f", withBody(request("POST", "/f"), "application/x-www-form-urlencoded; charset=UTF-8",
        "name=Ann+Lee&tag=a&tag=b%2Bc&note=%252B"));

    assertThat(req.form("name")).isEqualTo("Ann Lee");
    assertThat(req.formAll("tag")).containsExactly("a", "b+c");
    assertThat(req.form("note")).isEqualTo("%2B");
    assertThat(req.form("missing")).isNull();
    assertThat(req.formAll("missing")).isEmpty();
  }

  @Test
  void ignoresFormFieldsOfOtherContentTypes() {
    Request json = seenBy("/f", withBody(request("POST", "/f"), "application/json", "name=Ann"));
    Request none = seenBy("/f", request("POST", "/f").body("name=Ann".getBytes()));
    Request text = seenBy("/f", withBody(request("POST", "/f"), "text/plain", "name=Ann"));

    assertThat(json.formParams()).isEmpty();
    assertThat(none.form("name")).isNull();
    assertThat(text.formParams()).isEmpty();
  }

  @Test
  void formFieldsOfAMalformedMultipartBodyAreA400() {
    Request multipart = seenBy("/f", withBody(request("POST", "/f"), "multipart/form-data; boundary=x", "name=Ann"));

    assertThatThrownBy(multipart::formParams)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("does not contain the boundary --x");
  }

  @Test
  void exposesRemoteAddressMountPathAndTheFrontDoorsContext() {
    record LambdaContext(String requestId) {}
    Request req = seenBy("/x", request("GET", "/x")
        .remoteAddress("203.0.113.7").mountPath("/prod").context(new LambdaContext("r-1")));

    assertThat(req.remoteAddress()).isEqualTo("203.0.113.7");
    assertThat(req.mountPath()).isEqualTo("/prod");
    assertThat(req.context(LambdaContext.class)).contains(new LambdaContext("r-1"));
    assertThat(req.context(String.class)).isEmpty();
  }

  @Test
  void hasEmptyDefaultsForWhatTheFrontDoorDidNotProvide() {
    Request req = seenBy("/x", request("GET", "/x").mountPath(null));

    assertThat(req.remoteAddress()).isNull();
    assertThat(req.mountPath()).isEmpty();
    assertThat(req.context(Object.class)).isEqualTo(Optional.empty());
    assertThat(req.headers().isEmpty()).isTrue();
    assertThat(req.cookies()).isEmpty();
    assertThat(req.queryParams()).isEmpty();
  }

  @Test
  void attributesAreAbsentUntilSet() {
    Request req = seenBy("/x", request("GET", "/x"));

    assertThat(req.<Object>attribute("user")).isNull();
    req.attribute("user", 42);
    assertThat(req.<Integer>attribute("user")).isEqualTo(42);
  }

  @Test
  void builderRejectsMissingMethodOrPath() {
    assertThatThrownBy(() -> Request.builder("", "/")).hasMessageContaining("method");
    assertThatThrownBy(() -> Request.builder("GET", null)).hasMessageContaining("path");
  }

  @Test
  void describesItselfAsRequestLine() {
    assertThat(request("GET", "/a?b=1").build()).hasToString("GET /a?b=1");
    assertThat(request("GET", "/a").build()).hasToString("GET /a");
  }

  @Test
  void jsonBindingNeedsARoutedRequest() {
    Request unrouted = withBody(request("POST", "/x"), "application/json", "{}").build();

    assertThatThrownBy(() -> unrouted.json(Map.class)).isInstanceOf(IllegalStateException.class);
  }
}
