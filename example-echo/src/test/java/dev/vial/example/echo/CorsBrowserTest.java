package dev.vial.example.echo;

import static dev.vial.Responses.html;
import static dev.vial.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.App;
import dev.vial.cors.CorsPolicy;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real browser against a real CORS policy: a page served from one origin ({@code http://localhost:P})
 * calls an API on another ({@code http://127.0.0.1:A}) with {@code fetch}, and headless Chromium decides, as
 * it would for a user, which answers the page may read. Skipped, with a message, when Chromium is absent
 * ({@code .ci/run} installs it).
 */
class CorsBrowserTest {

  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");

  /** Runs every call in order and writes what the page could read into the document, for --dump-dom. */
  private static final String SCRIPT = """
      const api = new URLSearchParams(location.search).get('api');
      async function call(name, path, init) {
        try {
          const res = await fetch(api + path, init);
          return name + '=' + res.status + ':' + (await res.text()) + ':' + res.headers.get('X-Request-Id');
        } catch (e) {
          return name + '=blocked';
        }
      }
      (async () => {
        const results = [
          await call('put', '/items', {method: 'PUT', credentials: 'include',
              headers: {'Content-Type': 'application/json', 'X-Requested-With': 'fetch'}, body: '{}'}),
          await call('missing', '/missing', {credentials: 'include'}),
          await call('secretHeader', '/items', {method: 'PUT', headers: {'X-Secret': '1'}}),
          await call('patch', '/items', {method: 'PATCH'}),
        ];
        document.getElementById('out').textContent = results.join('|');
      })();
      """;

  private final AtomicInteger puts = new AtomicInteger();
  private RunningServer pages;
  private RunningServer api;

  @BeforeEach
  void startPageAndApiOnTwoOrigins() {
    App pageApp = new App().get("/", req -> html("<!doctype html><title>cors</title><pre id=out>pending</pre>"
        + "<script>" + SCRIPT + "</script>"));
    pages = LocalServer.start(pageApp, ServerOptions.defaults().withPort(0));
    String pageOrigin = "http://localhost:" + pages.port();
    App apiApp = new App()
        .cors(CorsPolicy.allowOrigins(pageOrigin)
            .allowMethods("GET", "PUT")
            .allowHeaders("Content-Type", "X-Requested-With")
            .exposeHeaders("X-Request-Id")
            .allowCredentials(true))
        .put("/items", req -> {
          puts.incrementAndGet();
          return json(Map.of("stored", true)).withHeader("X-Request-Id", "r-1");
        })
        .route("PATCH", "/items", req -> {
          puts.incrementAndGet();
          return json(Map.of("patched", true));
        });
    api = LocalServer.start(apiApp, ServerOptions.defaults().withPort(0));
  }

  @AfterEach
  void stop() {
    pages.close();
    api.close();
  }

  @Test
  void theBrowserReadsAllowedAnswersAndErrorsAndNeverSendsWhatThePreflightRefused() throws Exception {
    String chromium = chromium();
    String apiOrigin = "http://127.0.0.1:" + api.port();

    String page = dumpDom(chromium, "http://localhost:" + pages.port() + "/?api=" + apiOrigin);

    assertThat(page).contains("put=200:{\"stored\":true}:r-1");       // preflight passed, exposed header readable
    // The real error, and the local server's X-Request-Id, exposed to the page:
    assertThat(page).containsPattern("missing=404:\\{\"error\":\"Not Found\",\"status\":404}:[0-9a-f]{16}\\|");
    assertThat(page).contains("secretHeader=blocked");               // preflight refused: header not allowed
    assertThat(page).contains("patch=blocked");                      // preflight refused: method not allowed
    assertThat(puts).as("only the allowed PUT reached a handler").hasValue(1);
  }

  @Test
  void aPageOnAnotherOriginCannotReadTheAnswers() throws Exception {
    String chromium = chromium();
    // 127.0.0.1 is another origin than the allowed localhost, though the same server.
    String page = dumpDom(chromium, "http://127.0.0.1:" + pages.port() + "/?api=http://localhost:" + api.port());

    assertThat(page).contains("put=blocked").contains("missing=blocked").contains("secretHeader=blocked");
    assertThat(puts).as("the preflight was refused, so the PUT was never sent").hasValue(0);
  }

  private static String chromium() {
    for (String candidate : CHROMIUM) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    assumeTrue(false, "Chromium not found (" + CHROMIUM + "): skipping the browser CORS test; .ci/run installs it");
    return null;
  }

  /** The page's DOM once its script has run: virtual time waits for pending fetches before dumping. */
  private static String dumpDom(String chromium, String url) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("vial-cors-chromium");
    Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom", url)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s");
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
