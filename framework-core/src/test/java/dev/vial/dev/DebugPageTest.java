package dev.vial.dev;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Headers;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import org.junit.jupiter.api.Test;

class DebugPageTest {

  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

  private static App app() {
    App app = new App();
    app.get("/", req -> ok("home")).route("GET", "/users/{id:int}", "user", req -> ok("user"));
    app.get("/boom", req -> {
      throw new IllegalStateException("bad <script>alert('x')</script> & more");
    });
    app.get("/teapot", req -> {
      throw new HttpException(418, "short and stout");
    });
    return app;
  }

  private static App withPage() {
    App app = app();
    return app.errorRenderer(new DebugPage(app, "dev.vial.dev"));
  }

  private static Request get(String rawPath, String... headers) {
    return Request.builder("GET", rawPath).headers(Headers.of(headers)).build();
  }

  @Test
  void anUnhandledExceptionToABrowserGetsTheEscapedPageWithTheMarkedTraceTheRequestAndTheRoutes() {
    Response response = withPage().handle(get("/boom", "Accept", BROWSER_ACCEPT, "X-Trace", "<b>t</b>"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    String html = response.bodyText();
    assertThat(html).contains("<h1>java.lang.IllegalStateException</h1>")
        .contains("bad &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .doesNotContain("<script>")
        .contains("<li class=\"frame app\">dev.vial.dev.DebugPageTest.")
        .contains("<li class=\"frame\">dev.vial.App.")
        .contains("<td>/users/{id:int}</td><td>user</td>")
        .contains("<tr class=\"current\"><td>GET</td><td>/boom</td>")
        .contains("<th>X-Trace</th><td>&lt;b&gt;t&lt;/b&gt;</td>");
  }

  @Test
  void credentialsInTheRequestHeadersAreMasked() {
    String html = withPage().handle(get("/boom", "Accept", "text/html", "Authorization", "Bearer s3cret",
        "Cookie", "session=abc123", "Set-Cookie", "x=leak", "Proxy-Authorization", "Basic pw")).bodyText();

    assertThat(html).doesNotContain("s3cret", "abc123", "leak", "Basic pw")
        .contains("<th>Authorization</th><td><span class=\"masked\">(masked)</span></td>")
        .contains("<th>Cookie</th><td><span class=\"masked\">(masked)</span></td>");
  }

  @Test
  void aNotFoundToABrowserListsTheRoutes() {
    Response response = withPage().handle(get("/nope", "Accept", BROWSER_ACCEPT));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).contains("No route matches GET /nope")
        .contains("<td>GET</td><td>/users/{id:int}</td><td>user</td>")
        .doesNotContain("Stack trace");
  }

  @Test
  void aClientThatDoesNotAskForHtmlKeepsTheBareJson() {
    App app = withPage();

    assertThat(app.handle(get("/boom", "Accept", "application/json")).bodyText())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
    assertThat(app.handle(get("/boom", "Accept", "*/*")).contentType()).startsWith("application/json");
    assertThat(app.handle(get("/nope")).bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }

  @Test
  void otherClientErrorsKeepTheirDefaultBody() {
    Response response = withPage().handle(get("/teapot", "Accept", "text/html"));

    assertThat(response.status()).isEqualTo(418);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"short and stout\",\"status\":418}");
  }

  @Test
  void theAppsOwnErrorHandlersStillWin() {
    App app = withPage();
    app.error(404, (error, req) -> ok("custom 404").withStatus(404));

    assertThat(app.handle(get("/nope", "Accept", "text/html")).bodyText()).isEqualTo("custom 404");
  }

  @Test
  void withoutARendererNothingChanges() {
    Response response = app().handle(get("/boom", "Accept", BROWSER_ACCEPT));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  @Test
  void headRequestsGetTheStatusWithoutTheBody() {
    Response response = withPage().handle(Request.builder("HEAD", "/boom")
        .headers(Headers.of("Accept", "text/html")).build());

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).isEmpty();
  }
}
