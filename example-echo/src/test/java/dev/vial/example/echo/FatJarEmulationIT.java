package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built jar as a user runs it before deploying: {@code java -jar example-echo.jar --emulate http-api
 * --stage dev --port 0} serves the echo app's Lambda handler under {@code /dev/} as an HTTP API would,
 * says so in its banner, and answers anything outside the stage with the gateway's own 404.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FatJarEmulationIT {

  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private static Process server;
  private static String url;
  private static final List<String> OUTPUT = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("echo.jar", "target/example-echo.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server = new ProcessBuilder(java, "-jar", jar.toString(), "--emulate", "http-api", "--stage", "dev", "--port", "0")
        .redirectErrorStream(true).start();
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(found), "echo-jar-output");
    reader.setDaemon(true);
    reader.start();
    url = found.get(20, TimeUnit.SECONDS);
  }

  private static void readOutput(CompletableFuture<String> found) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        System.out.println("[example-echo.jar --emulate] " + line);
        OUTPUT.add(line);
        Matcher matcher = URL.matcher(line);
        if (!found.isDone() && line.startsWith("Vial serving on") && matcher.find()) {
          found.complete(matcher.group(1));
        }
      }
      found.completeExceptionally(new IllegalStateException("example-echo.jar exited without printing its URL"));
    } catch (IOException e) {
      found.completeExceptionally(e);
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

  @Test
  void theBannerSaysWhatIsEmulatedAndListsTheAppsRoutes() throws Exception {
    for (int i = 0; i < 50 && OUTPUT.stream().noneMatch(line -> line.startsWith("GET")); i++) {
      Thread.sleep(100);
    }
    assertThat(OUTPUT).contains("Emulating API Gateway HTTP API (payload 2.0), stage dev: " + url
        + "/dev/ (through the app's Lambda handler, in this JVM)");
    assertThat(OUTPUT).anyMatch(line -> line.startsWith("GET") && line.contains("/users/{id:int}"));
  }

  @Test
  void servesTheStageAsTheTestKitsHttpApiTransportDoes() {
    try (TestClient emulated = TestClient.http(URI.create(url + "/dev"));
        TestClient testKit = TestClient.lambda(new EchoLambda(), Transport.HTTP_API_V2)) {
      for (TestRequest request : List.of(TestRequest.get("/"), TestRequest.get("/users/42"),
          TestRequest.get("/cookies"), TestRequest.get("/redirect"), TestRequest.get("/no/such/page"))) {
        TestResponse expected = testKit.send(request);
        TestResponse actual = emulated.send(request);

        assertThat(actual.status()).as(request.toString()).isEqualTo(expected.status());
        assertThat(actual.setCookies()).isEqualTo(expected.setCookies());
        assertThat(actual.header("Location")).isEqualTo(expected.header("Location"));
        assertThat(actual.body()).isEqualTo(expected.body());
      }
    }
  }

  @Test
  void outsideTheStageIsTheGatewaysNotFound() {
    try (TestClient client = TestClient.http(URI.create(url))) {
      TestResponse response = client.get("/users/42");

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Not Found\"}");
    }
  }
}
