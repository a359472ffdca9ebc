package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalServer#serve} as a real {@code main} in a child JVM: banner, signals, exit codes. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeTest {

  @TempDir
  Path temp;

  private Process process;
  private final List<String> banner = new ArrayList<>();

  @AfterEach
  void killLeftover() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void printsTheUrlAndRouteTableThenStopsGracefullyOnSigtermWithExitZero() throws Exception {
    String url = launch("--port", "0");

    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(banner).contains(
        "Method  Path             Name",
        "GET     /                index",
        "GET     /slow",
        "POST    /users/{id:int}  update_user");

    CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create(url + "/slow")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300); // the request is in the handler's 800 ms sleep
    process.destroy(); // SIGTERM

    assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow done");
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  @Test
  void stopsOnCtrlCWithExitZero() throws Exception {
    String url = launch("--port", "0");
    HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(home.body()).isEqualTo("home");

    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  @Test
  void writesTheAccessLineOfEveryRequestBeforeExitingOnSigterm() throws Exception {
    Path errors = temp.resolve("err.txt");
    String url = launch(errors, List.of("-Dorg.slf4j.simpleLogger.log.dev.vial.server.access=info"), "--port", "0");
    int requests = 500;
    try (RawConnection connection = new RawConnection(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)), 10_000)) {
      for (int i = 0; i < requests; i++) {
        assertThat(connection.send("GET /?n=" + i + " HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
      }
    }

    process.destroy(); // SIGTERM right after the last answer

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(errors)).filteredOn(line -> line.contains("dev.vial.server.access - GET /?n="))
        .hasSize(requests);
  }

  @Test
  void exitsWithTwoAndAClearMessageForABadPort() throws Exception {
    Path errors = temp.resolve("err.txt");
    process = childJvm(errors, "--port", "eighty").start();

    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(errors)).contains("vial: Invalid port in --port: 'eighty' is not a number");
  }

  @Test
  void exitsWithOneWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path errors = temp.resolve("err.txt");
      process = childJvm(errors, "--port", Integer.toString(taken.getLocalPort())).start();

      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(Files.readString(errors)).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  /** Starts the fixture and reads its banner (a header row and three routes); returns the URL it printed. */
  private String launch(String... args) throws Exception {
    return launch(temp.resolve("err.txt"), List.of(), args);
  }

  private String launch(Path errors, List<String> jvmOptions, String... args) throws Exception {
    process = childJvm(errors, jvmOptions, args).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException ended) {
        // The child is gone.
      }
    });
    reader.setDaemon(true);
    reader.start();
    String first = lines.poll(20, TimeUnit.SECONDS);
    assertThat(first).as("first banner line").isNotNull().startsWith("Vial serving on ");
    while (banner.size() < 4) {
      String line = lines.poll(5, TimeUnit.SECONDS);
      assertThat(line).as("banner line after " + banner).isNotNull();
      if (!line.isEmpty()) {
        banner.add(line);
      }
    }
    return first.substring("Vial serving on ".length(), first.indexOf(" (Ctrl-C"));
  }

  private static ProcessBuilder childJvm(Path errors, String... args) {
    return childJvm(errors, List.of(), args);
  }

  private static ProcessBuilder childJvm(Path errors, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServeFixture.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    builder.environment().remove("PORT");
    return builder;
  }

}
