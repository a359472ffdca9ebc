package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The echo app's Main run as a developer runs it from the IDE or {@code mvn compile}: a separate JVM with
 * its classes in a directory and {@code --dev}. Checks the debug page over real HTTP, reload on recompile
 * (and measures change on disk → first answer from the new code), and what a headless browser shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevModeTest {

  private static final Pattern LISTENING = Pattern.compile("Vial serving on (http://\\S+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir
  static Path root;

  private Path classes;
  private Process server;
  private String url;
  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();

  @BeforeAll
  void startEchoInDevModeFromAClassesDirectory() throws Exception {
    classes = copyOfEchoClasses(root.resolve("classes"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server = new ProcessBuilder(java, "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
        Main.class.getName(), "--dev", "--port", "0")
        .redirectErrorStream(true)
        .start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.add(line);
        }
      } catch (IOException ended) {
        // the server stopped
      }
    }, "dev-server-output");
    reader.setDaemon(true);
    reader.start();
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (url == null && System.nanoTime() < deadline) {
      String line = output.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          url = listening.group(1);
        }
      }
    }
    assertThat(url).as("the dev server started; it printed:\n" + seen).isNotNull();
    // The banner's next line says what dev mode does.
    String note = output.poll(10, TimeUnit.SECONDS);
    assertThat(note).contains("Dev mode: debug page on; reload on (watching " + classes);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  @Order(1)
  void anUnhandledExceptionToABrowserGetsTheDebugPage() throws Exception {
    HttpResponse<String> page = get("/error?x=1", "text/html,application/xhtml+xml,*/*;q=0.8");

    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<h1>java.lang.IllegalStateException</h1>")
        .contains("Deliberate failure from GET /error")
        .contains("<li class=\"frame app\">dev.vial.example.echo.ErrorRoutes.")
        .contains("<td>/users/{id:int}</td><td>user</td>")
        .contains("<tr><th>Query</th><td>x=1</td></tr>");
  }

  @Test
  @Order(2)
  void clientsThatDoNotAskForHtmlKeepTheBareJson() throws Exception {
    assertThat(get("/error", "application/json").body())
        .isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
    assertThat(get("/missing", "*/*").body()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }

  @Test
  @Order(3)
  void aNotFoundInDevModeListsTheRoutes() throws Exception {
    HttpResponse<String> page = get("/missing", "text/html");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("No route matches GET /missing").contains("<td>GET</td><td>/echo</td>");
  }

  @Test
  @Order(4)
  void aRecompiledClassAnswersFromTheNewCodeWithoutARestart() throws Exception {
    assertThat(get("/", "*/*").body()).isEqualTo("hello");
    Path staged = compileChangedHomeRoutes(root.resolve("staged"));

    long changed = System.nanoTime();
    try (Stream<Path> compiled = Files.list(staged.resolve("dev/vial/example/echo"))) {
      for (Path file : (Iterable<Path>) compiled::iterator) {
        Files.copy(file, classes.resolve("dev/vial/example/echo").resolve(file.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String body = "";
    long deadline = changed + TimeUnit.SECONDS.toNanos(30);
    while (!body.equals("hello, reloaded") && System.nanoTime() < deadline) {
      body = get("/", "*/*").body();
    }
    long millis = (System.nanoTime() - changed) / 1_000_000;
    System.out.println("Dev-mode reload: change on disk -> first answer from the new code in " + millis + " ms");

    assertThat(body).isEqualTo("hello, reloaded");
    assertThat(millis).as("generous bound for a loaded machine; aim is under 1 s").isLessThan(30_000);
    // Same port, same process, and the other routes still answer.
    assertThat(server.isAlive()).isTrue();
    assertThat(get("/users/42", "*/*").body()).isEqualTo("{\"id\":42}");
  }

  @Test
  @Order(5)
  void headlessChromiumRendersTheDebugPage() throws Exception {
    String chromium = chromium();
    Path profile = Files.createTempDirectory(root, "chromium");
    Process browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=" + profile, "--dump-dom", url + "/error")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    ByteArrayOutputStream dom = new ByteArrayOutputStream();
    browser.getInputStream().transferTo(dom);
    if (!browser.waitFor(120, TimeUnit.SECONDS)) {
      browser.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s");
    }
    String page = dom.toString(StandardCharsets.UTF_8);

    assertThat(page).contains("<title>500 java.lang.IllegalStateException</title>")
        .contains("Deliberate failure from GET /error")
        .contains("<li class=\"frame app\">dev.vial.example.echo.ErrorRoutes.")
        .containsPattern("(?i)<th>user-agent</th><td>[^<]*HeadlessChrome");
  }

  private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String chromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    assumeTrue(false, "Chromium not found: skipping the debug page browser test; .ci/run installs it");
    return null;
  }

  /** A copy of target/classes, so the test can change it as a recompile would. */
  private static Path copyOfEchoClasses(Path target) throws Exception {
    Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  /** HomeRoutes from the sources with its greeting changed, compiled aside (a compiler then writes it in place). */
  private Path compileChangedHomeRoutes(Path staged) throws IOException {
    Path source = Path.of("src/main/java/dev/vial/example/echo/HomeRoutes.java");
    String text = Files.readString(source).replace("ok(\"hello\")", "ok(\"hello, reloaded\")");
    assertThat(text).contains("hello, reloaded");
    Path changed = Files.createDirectories(root.resolve("src/dev/vial/example/echo")).resolve("HomeRoutes.java");
    Files.writeString(changed, text);
    Files.createDirectories(staged);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", staged.toString(), "-cp",
        classes + File.pathSeparator + System.getProperty("java.class.path"), "--release", "17", changed.toString());
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    return staged;
  }
}
