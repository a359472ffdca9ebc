package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevModeTest {

  private static final Request BROWSER_GETS_MISSING = Request.builder("GET", "/missing")
      .headers(Headers.of("Accept", "text/html")).build();

  @TempDir
  Path root;

  private static AppSource source(App app) {
    return new AppSource(() -> app, () -> null);
  }

  private static App brokenApp() {
    return new App().get("/", req -> {
      throw new IllegalStateException("<script>alert(1)</script>");
    });
  }

  @Test
  void devModeIsOffUnlessTheFlagIsGiven() {
    assertThat(DevMode.requested(new String[0])).isFalse();
    assertThat(DevMode.requested(new String[] {"--port", "8080", "--host", "127.0.0.1"})).isFalse();
    assertThat(DevMode.requested(new String[] {"--port", "0", "--dev"})).isTrue();
  }

  @Test
  void fromAJarReloadIsOffAndTheBannerSaysSo() {
    // AssertJ's classes come from a jar in the local repository.
    DevMode.Prepared dev = DevMode.prepare(new String[] {"--dev"}, source(brokenApp()), Test.class, Map.of());

    assertThat(dev.reloader()).isNull();
    assertThat(dev.note()).contains("debug page on").contains("reload OFF (the app runs from a jar");
    Response page = dev.app().handle(Request.builder("GET", "/").headers(Headers.of("Accept", "text/html")).build());
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.bodyText()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void boundBeyondLoopbackTheDebugPageIsOff() {
    DevMode.Prepared dev = DevMode.prepare(new String[] {"--dev", "--host", "0.0.0.0"}, source(brokenApp()),
        Test.class, Map.of());

    assertThat(dev.note()).contains("debug page OFF (bound to 0.0.0.0, not loopback)");
    Response answer = dev.app().handle(Request.builder("GET", "/").headers(Headers.of("Accept", "text/html")).build());
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  @Test
  void fromAClassesDirectoryTheServedAppIsTheNewestBuildWithTheDebugPage() throws Exception {
    CompiledApp compiled = new CompiledApp(root).answering("v1");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()},
        DevModeTest.class.getClassLoader())) {
      Class<?> main = loader.loadClass(CompiledApp.MAIN);
      DevMode.Prepared dev = DevMode.prepare(new String[] {"--dev"}, source(new App()), main, Map.of());
      try (Reloader reloader = dev.reloader()) {
        assertThat(dev.note()).contains("debug page on; reload on (watching " + compiled.classes());
        assertThat(dev.routes()).extracting(route -> route.method() + " " + route.template()).containsExactly("GET /");
        assertThat(dev.app().handle(Request.builder("GET", "/").build()).bodyText()).isEqualTo("v1");
        assertThat(dev.app().handle(BROWSER_GETS_MISSING).bodyText()).contains("No route matches GET /missing");

        compiled.answering("v2");

        assertThat(ReloaderTest.eventually(
            () -> dev.app().handle(Request.builder("GET", "/").build()).bodyText().equals("v2"))).isTrue();
      }
    }
  }

  @Test
  void theClassesDirectoryComesFromWhereTheMainClassWasLoaded() {
    assertThat(DevMode.classesDirectory(DevModeTest.class)).isDirectory();
    assertThat(DevMode.classesDirectory(Test.class)).isNull();
    assertThat(DevMode.classesDirectory(String.class)).isNull();
  }
}
