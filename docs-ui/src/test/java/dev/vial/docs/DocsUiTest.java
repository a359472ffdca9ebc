package dev.vial.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.openapi.ApiInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocsUiTest {

  private final App app = new App().openApi(ApiInfo.of("Test", "1")).register(DocsUi.blueprint());

  private Response get(App target, String path) {
    return target.handle(Request.builder("GET", path).build());
  }

  @Test
  void servesAPageThatLoadsSwaggerUiAndTheDocumentByRelativeUrls() {
    Response page = get(app, "/docs");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.bodyText())
        .contains("href=\"docs/swagger-ui.css\"", "src=\"docs/swagger-ui-bundle.js\"", "url: \"openapi.json\"")
        .doesNotContain("http://", "https://", "src=\"/", "href=\"/");
  }

  @Test
  void keepsTheUrlsRightWhenThePageIsAskedForWithATrailingSlash() {
    assertThat(get(app, "/docs/").bodyText())
        .contains("href=\"swagger-ui.css\"", "src=\"swagger-ui-bundle.js\"", "url: \"../openapi.json\"");
  }

  @Test
  void servesTheScriptsAndStylesFromTheWebjar() {
    Response script = get(app, "/docs/swagger-ui-bundle.js");
    Response style = get(app, "/docs/swagger-ui.css");

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(script.body().length).isGreaterThan(100_000);
    assertThat(script.bodyText()).contains("SwaggerUIBundle");
    assertThat(style.contentType()).isEqualTo("text/css; charset=utf-8");
    assertThat(style.header("Cache-Control")).isEqualTo("public, max-age=3600");
  }

  @Test
  void servesNoOtherFileOfTheClassPath() {
    assertThat(get(app, "/docs/index.html").status()).isEqualTo(404);
    assertThat(get(app, "/docs/..%2F..%2FMETA-INF%2FMANIFEST.MF").status()).isEqualTo(404);
    assertThat(get(app, "/docs/swagger-ui.css/x").status()).isEqualTo(404);
  }

  @Test
  void pointsAPageElsewhereAtItsDocumentRelatively() {
    App nested = new App().register(DocsUi.blueprint("/api/v1/docs", "/api/openapi.json"));

    assertThat(get(nested, "/api/v1/docs").bodyText())
        .contains("url: \"../openapi.json\"", "href=\"docs/swagger-ui.css\"");
  }

  @Test
  void computesRelativeUrls() {
    assertThat(DocsUi.relative(List.of(), List.of("openapi.json"))).isEqualTo("openapi.json");
    assertThat(DocsUi.relative(List.of("docs"), List.of("openapi.json"))).isEqualTo("../openapi.json");
    assertThat(DocsUi.relative(List.of("api"), List.of("api", "spec.json"))).isEqualTo("spec.json");
    assertThat(DocsUi.relative(List.of("a", "b"), List.of("c", "d.json"))).isEqualTo("../../c/d.json");
  }

  @Test
  void refusesPathsWithParametersOrTheRootAsPage() {
    assertThatThrownBy(() -> DocsUi.blueprint("/docs/{v}", "/openapi.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("literal");
    assertThatThrownBy(() -> DocsUi.blueprint("/", "/openapi.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
  }

  @Test
  void documentsItsOwnRoutes() {
    assertThat(app.routes()).anySatisfy(route -> {
      assertThat(route.template()).isEqualTo("/docs");
      assertThat(route.doc().summary()).contains("documentation page");
    });
  }
}
