package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A log output that stops accepting bytes (a terminal nobody reads, a full pipe) does not stop the
 * server, and every access line reaches the output by the time {@link RunningServer#close()} returns.
 * Runs in its own JVM with slf4j-simple writing to a {@code System.err} this test controls.
 */
@Timeout(60)
class StalledLogOutputTest {

  private static final CountDownLatch outputOpen = new CountDownLatch(1);
  private static final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private static PrintStream originalErr;

  @BeforeAll
  static void stallStandardError() {
    // slf4j-simple reads its configuration when the first logger is made: nothing has logged yet in this JVM.
    System.setProperty("org.slf4j.simpleLogger.log.dev.vial.server.access", "info");
    LoggerFactory.getLogger(StalledLogOutputTest.class); // slf4j reports its start-up on stderr: before the stall
    originalErr = System.err;
    System.setErr(new PrintStream(new StalledOutput(), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void restore() {
    outputOpen.countDown();
    System.setErr(originalErr);
  }

  @Test
  void answersEveryRequestWhileTheLogOutputIsStalledAndWritesEveryLineByClose() throws Exception {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    RunningServer server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withWorkerThreads(2)
        .withVirtualThreads(false).withShutdownGrace(Duration.ofSeconds(1)));
    int requests = 300;

    try (RawConnection connection = new RawConnection(server.port(), 10_000)) {
      for (int i = 0; i < requests; i++) {
        assertThat(connection.send("GET /hello?n=" + i + " HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText())
            .isEqualTo("hello");
      }
    }
    assertThat(accessLines()).as("nothing reached the stalled output yet").isZero();

    outputOpen.countDown();
    server.close();

    assertThat(accessLines()).isEqualTo(requests);
  }

  private static long accessLines() {
    String text;
    synchronized (written) {
      text = written.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\n")).filter(line -> line.contains("dev.vial.server.access - GET /hello?n=")).count();
  }

  /** Blocks every write until the test opens it. */
  private static final class StalledOutput extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        outputOpen.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (written) {
        written.write(bytes, offset, length);
      }
    }
  }
}
