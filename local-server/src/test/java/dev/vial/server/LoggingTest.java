package dev.vial.server;

import static dev.vial.Responses.bytes;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The access log line, and what a vanished client costs (runs in its own JVM with slf4j-simple on stderr). */
@Timeout(15)
class LoggingTest {

  private static final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private static PrintStream originalErr;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    // slf4j-simple reads its configuration once, when the first logger is made: nothing has logged yet in this JVM.
    System.setProperty("org.slf4j.simpleLogger.log.dev.vial.server", "debug");
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    byte[] big = new byte[32 * 1024 * 1024];
    app.get("/big", req -> bytes(big, "application/octet-stream"));
    // One handler slot: if a failed write kept it, the next request could not be served.
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withWorkerThreads(1).withVirtualThreads(false));
  }

  @AfterAll
  static void stop() {
    server.close();
    System.setErr(originalErr);
  }

  @Test
  void logsOneAccessLineWithMethodTargetStatusBytesAndMillis() throws Exception {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.send("GET /hello?x=1&y=%20 HTTP/1.1\r\nHost: t\r\n\r\n").read();
    }
    awaitLine("GET /hello?x=1"); // the writer thread writes it soon after the answer

    assertThat(lines("dev.vial.server.access"))
        .anyMatch(line -> line.matches(".*INFO dev\\.vial\\.server\\.access - GET /hello\\?x=1&y=%20 200 5B \\d+ms id=[0-9a-f]{16}"));
  }

  @Test
  void aClientThatVanishesMidResponseCostsOneLogLineAndNoWorker() throws Exception {
    try (RawConnection leaving = new RawConnection(server.port(), 3000)) {
      leaving.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n");
      assertThat(leaving.anyByteWithin(2000)).isTrue();
      leaving.socket().setSoLinger(true, 0); // close with a reset, mid-body
    }

    try (RawConnection next = new RawConnection(server.port(), 5000)) {
      assertThat(next.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");
    }
    awaitLine("Connection lost during GET /big"); // the next request did not wait for the vanished one's thread
    assertThat(lines("Connection lost during GET /big")).hasSize(1);
    assertThat(lines("\tat ")).isEmpty();
    assertThat(lines("/big 200")).isEmpty();
  }

  @Test
  void aServerWithoutAccessLogWritesNoLine() throws Exception {
    App app = new App();
    app.get("/quiet", req -> ok("shh"));
    try (RunningServer quiet = LocalServer.start(app, ServerOptions.defaults().withPort(0).withAccessLog(false));
        RawConnection connection = new RawConnection(quiet.port(), 3000)) {
      assertThat(connection.send("GET /quiet HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("shh");
      try (RawConnection loud = new RawConnection(server.port(), 3000)) {
        loud.send("GET /hello?after=quiet HTTP/1.1\r\nHost: t\r\n\r\n").read();
      }
      awaitLine("GET /hello?after=quiet"); // the other server's line came: the quiet one had time to write
    }

    assertThat(lines("/quiet")).isEmpty();
  }

  private static void awaitLine(String containing) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lines(containing).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static List<String> lines(String containing) {
    String text = captured.toString(StandardCharsets.UTF_8);
    return Arrays.stream(text.split("\n")).filter(line -> line.contains(containing)).collect(Collectors.toList());
  }
}
