package dev.vial.example.echo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.example.echo.EchoApp;
import dev.vial.example.echo.browser.HeadlessChromium.NetworkResponse;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo app's page in a real browser, over the local server: it loads cleanly and revalidates on reload. */
class StaticPageBrowserTest {

  @Test
  void thePageLoadsItsAssetsCallsTheApiAndRevalidatesOnReload() throws Exception {
    assumeTrue(HeadlessChromium.isAvailable(), HeadlessChromium.SKIP_REASON);
    try (RunningServer server = LocalServer.start(EchoApp.create(), ServerOptions.defaults().withPort(0));
        HeadlessChromium browser = HeadlessChromium.launch()) {
      browser.open(server.url() + "/static/");

      assertThat(browser.waitForText("#result", Duration.ofSeconds(30))).isEqualTo("{\"id\":42}");
      assertThat(browser.consoleErrors()).isEmpty();
      assertThat(browser.failedRequests()).isEmpty();
      assertThat(browser.responses()).extracting(NetworkResponse::url).contains(
          server.url() + "/static/", server.url() + "/static/style.css", server.url() + "/static/app.js",
          server.url() + "/static/vial.png", server.url() + "/users/42");
      assertThat(browser.evaluate("getComputedStyle(document.body).maxWidth").asText()).isEqualTo("640px");
      assertThat(browser.evaluate("document.querySelector('h1 img').naturalWidth").asInt()).isEqualTo(32);

      browser.clearRecords();
      browser.reload();

      assertThat(browser.waitForText("#result", Duration.ofSeconds(30))).isEqualTo("{\"id\":42}");
      assertThat(browser.consoleErrors()).isEmpty();
      assertThat(browser.failedRequests()).isEmpty();
      List<String> expected = List.of(server.url() + "/static/", server.url() + "/static/style.css",
          server.url() + "/static/app.js", server.url() + "/static/vial.png");
      long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // DevTools events may trail the page
      List<String> revalidated = revalidated(browser);
      while (!revalidated.containsAll(expected) && System.nanoTime() < giveUp) {
        Thread.sleep(50);
        revalidated = revalidated(browser);
      }
      assertThat(revalidated).as("answered 304 on reload (Cache-Control: no-cache revalidates): %s", browser.wireResponses())
          .containsAll(expected);
    }
  }

  private static List<String> revalidated(HeadlessChromium browser) {
    return browser.wireResponses().stream().filter(response -> response.status() == 304)
        .map(NetworkResponse::url).toList();
  }
}
