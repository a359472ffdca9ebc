package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built artifact as a user runs it: {@code java -jar example-echo.jar --port 0}. It must print its URL
 * and answer every endpoint exactly as the app does in memory (the RIC ITs check the same jar as Lambda).
 * Runs in Maven's {@code integration-test} phase, after {@code package} built the jar.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FatJarLocalServerIT {

  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private static Process server;
  private static TestClient overHttp;
  private static final TestClient IN_MEMORY = TestClient.inMemory(EchoApp.create());

  @BeforeAll
  static void startTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("echo.jar", "target/example-echo.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0").redirectErrorStream(true).start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(url), "echo-jar-output");
    reader.setDaemon(true);
    reader.start();
    overHttp = TestClient.http(URI.create(url.get(20, TimeUnit.SECONDS)));
  }

  private static void readOutput(CompletableFuture<String> url) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        System.out.println("[example-echo.jar] " + line);
        Matcher matcher = URL.matcher(line);
        if (!url.isDone() && matcher.find()) {
          url.complete(matcher.group(1));
        }
      }
      url.completeExceptionally(new IllegalStateException("example-echo.jar exited without printing its URL"));
    } catch (IOException e) {
      url.completeExceptionally(e);
    }
  }

  @AfterAll
  static void stopTheJar() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  static Stream<TestRequest> requests() {
    return Stream.of(
        TestRequest.get("/"),
        TestRequest.head("/"),
        TestRequest.get("/users/42"),
        TestRequest.get("/users/abc"),
        TestRequest.post("/json", "{\"a\":[1,\"☕\"]}", "application/json"),
        TestRequest.post("/json", "{\"a\":", "application/json"),
        TestRequest.get("/binary?size=1000"),
        TestRequest.get("/cookies"),
        TestRequest.get("/unicode"),
        TestRequest.get("/error"),
        TestRequest.get("/redirect"),
        TestRequest.of("DELETE", "/users/1"),
        TestRequest.get("/no/such/page"),
        // static files come out of the jar here and out of target/classes in memory: same bytes, same tags
        TestRequest.get("/static/"),
        TestRequest.get("/static"),
        TestRequest.get("/static/vial.png"),
        TestRequest.get("/static/app.js").header("Accept-Encoding", "gzip"),
        TestRequest.get("/static/big.txt").header("Accept-Encoding", "gzip"),
        TestRequest.get("/static/big.txt").header("Range", "bytes=-10"),
        TestRequest.get("/static/.env"),
        TestRequest.get("/static/%2e%2e/dev/vial/example/echo/EchoApp.class"),
        TestRequest.get("/static/..%2fdev/vial/example/echo/EchoApp.class"),
        TestRequest.get("/static/nope.css"));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void answersLikeTheAppInMemory(TestRequest request) {
    TestResponse expected = IN_MEMORY.send(request);
    TestResponse actual = overHttp.send(request);

    assertThat(actual.status()).isEqualTo(expected.status());
    assertThat(actual.contentType()).isEqualTo(expected.contentType());
    assertThat(actual.setCookies()).isEqualTo(expected.setCookies());
    assertThat(actual.header("Location")).isEqualTo(expected.header("Location"));
    assertThat(actual.header("Allow")).isEqualTo(expected.header("Allow"));
    assertThat(actual.header("ETag")).isEqualTo(expected.header("ETag"));
    assertThat(actual.header("Content-Encoding")).isEqualTo(expected.header("Content-Encoding"));
    assertThat(actual.body()).isEqualTo(expected.body());
  }

  @Test
  void echoesTheRequestAsTheAppSawIt() {
    TestRequest request = TestRequest.get("/echo/a%2Fb?q=x%2By").cookie("session", "abc");

    String echo = overHttp.send(request).bodyText();

    assertThat(echo).contains("\"path\":\"/echo/a/b\"", "\"rawPath\":\"/echo/a%2Fb\"", "\"q\":[\"x+y\"]",
        "\"cookies\":{\"session\":\"abc\"}");
  }
}
