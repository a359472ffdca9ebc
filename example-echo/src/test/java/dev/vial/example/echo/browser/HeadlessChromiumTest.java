package dev.vial.example.echo.browser;

import static dev.vial.Responses.html;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.App;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser harness itself: it sees what a page does wrong, and it leaves no process behind. */
class HeadlessChromiumTest {

  private static RunningServer server;

  @BeforeAll
  static void startServer() {
    assumeTrue(HeadlessChromium.isAvailable(), HeadlessChromium.SKIP_REASON);
    App app = new App()
        .get("/clean", req -> html("<link rel='icon' href='data:,'><p id='out'></p><script>document.getElementById('out').textContent"
            + " = 'ready';</script>"))
        .get("/broken", req -> html("<img src='/missing.png'><script>console.error('boom', 42);"
            + " throw new Error('kaput');</script>"))
        .get("/text", req -> ok("plain"));
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void readsTheTextOfASelectorAndEvaluatesJavaScript() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.launch()) {
      browser.open(server.url() + "/clean");

      assertThat(browser.waitForText("#out", Duration.ofSeconds(30))).isEqualTo("ready");
      assertThat(browser.evaluate("1 + 2").asInt()).isEqualTo(3);
      assertThat(browser.evaluate("fetch('/text').then(r => r.text())").asText()).isEqualTo("plain");
      assertThat(browser.consoleErrors()).isEmpty();
      assertThat(browser.failedRequests()).isEmpty();
      assertThat(browser.responses()).extracting(HeadlessChromium.NetworkResponse::status).contains(200);
    }
  }

  @Test
  void recordsConsoleErrorsUncaughtExceptionsAndFailedResources() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.launch()) {
      browser.open(server.url() + "/broken");
      browser.evaluate("new Promise(r => setTimeout(r, 200))");

      assertThat(browser.consoleErrors()).anySatisfy(error -> assertThat(error).contains("boom 42"));
      assertThat(browser.consoleErrors()).anySatisfy(error -> assertThat(error).contains("kaput"));
      assertThat(browser.failedRequests()).anySatisfy(failure -> assertThat(failure).startsWith("404 ")
          .endsWith("/missing.png"));
    }
  }

  @Test
  void waitingForTextThatNeverComesFailsWithWhatItSaw() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.launch()) {
      browser.open(server.url() + "/clean");

      assertThatThrownBy(() -> browser.waitForText("#absent", Duration.ofMillis(500)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("#absent");
    }
  }

  @Test
  void closeEndsTheBrowserAndEveryProcessItStarted() throws Exception {
    HeadlessChromium browser = HeadlessChromium.launch();
    browser.open(server.url() + "/clean");
    ProcessHandle self = ProcessHandle.current();
    List<ProcessHandle> started = self.descendants().filter(p -> p.info().command().orElse("").contains("chrom"))
        .toList();
    assertThat(started).isNotEmpty();

    browser.close();
    browser.close();

    for (ProcessHandle process : started) {
      process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
          java.util.concurrent.TimeUnit.MILLISECONDS);
      assertThat(process.isAlive()).as("pid %s", process.pid()).isFalse();
    }
  }
}
