package dev.vial.example.echo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.example.echo.EchoApp;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The echo app's docs page in a real browser: Swagger UI loads offline and lists every operation. */
class DocsPageBrowserTest {

  private static RunningServer server;

  @BeforeAll
  static void startServer() {
    assumeTrue(HeadlessChromium.isAvailable(), HeadlessChromium.SKIP_REASON);
    server = LocalServer.start(EchoApp.create(), ServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void listsTheEchoAppsOperations() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.launch()) {
      browser.open(server.url() + "/docs");

      browser.waitForText(".opblock-summary-path", Duration.ofSeconds(60));
      JsonNode listed = browser.evaluate("Array.from(document.querySelectorAll('.opblock-summary')).map(o => "
          + "o.querySelector('.opblock-summary-method').textContent + ' ' "
          + "+ o.querySelector('.opblock-summary-path').getAttribute('data-path'))");
      List<String> operations = new ArrayList<>();
      listed.forEach(operation -> operations.add(operation.asText()));

      assertThat(operations).contains("GET /", "GET /users/{id}", "POST /json", "GET /binary", "GET /cookies",
          "GET /unicode", "GET /error", "GET /redirect", "GET /echo", "POST /echo", "DELETE /echo/{rest}",
          "HEAD /echo", "OPTIONS /echo/{rest}", "GET /openapi.json", "GET /docs");
      assertThat(browser.evaluate("document.body.innerText").asText()).contains("One user by numeric id",
          "Sends a JSON body back", "Vial example-echo");
      assertThat(browser.consoleErrors()).isEmpty();
      assertThat(browser.failedRequests()).isEmpty();
      // offline: every request the page made went to the app itself (or is an inline data: URL)
      assertThat(browser.responses()).extracting(HeadlessChromium.NetworkResponse::url)
          .filteredOn(url -> !url.startsWith("data:"))
          .isNotEmpty()
          .allSatisfy(url -> assertThat(url).startsWith(server.url()));
    }
  }

  @Test
  void worksWhenThePageIsAskedForWithATrailingSlash() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.launch()) {
      browser.open(server.url() + "/docs/");

      assertThat(browser.waitForText(".opblock-summary-path", Duration.ofSeconds(60))).isNotBlank();
      assertThat(browser.failedRequests()).isEmpty();
    }
  }
}
