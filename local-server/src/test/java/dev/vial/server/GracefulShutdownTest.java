package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link RunningServer#close()} stops accepting at once and lets requests in flight finish. */
@Timeout(15)
class GracefulShutdownTest {

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private RunningServer start(Duration grace) {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    app.get("/work", req -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException cutOffByClose) {
        Thread.currentThread().interrupt();
      }
      return ok("finished");
    });
    return LocalServer.start(app, ServerOptions.defaults().withPort(0).withShutdownGrace(grace));
  }

  @Test
  void finishesTheRequestInFlightButRefusesNewConnections() throws Exception {
    RunningServer server = start(Duration.ofSeconds(5));
    try (RawConnection inFlight = new RawConnection(server.port(), 5000)) {
      inFlight.send("GET /work HTTP/1.1\r\nHost: t\r\n\r\n");
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      awaitRefused(server.port());
      assertThat(closing).isNotDone();
      release.countDown();
      RawConnection.RawResponse answer = inFlight.read();
      closing.get(5, TimeUnit.SECONDS);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.bodyText()).isEqualTo("finished");
      assertThat(inFlight.closedByServer()).isTrue();
    }
  }

  @Test
  void closesConnectionsOfRequestsThatOutliveTheGracePeriod() throws Exception {
    RunningServer server = start(Duration.ofMillis(300));
    try (RawConnection inFlight = new RawConnection(server.port(), 5000)) {
      inFlight.send("GET /work HTTP/1.1\r\nHost: t\r\n\r\n");
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      server.close();

      assertThat(inFlight.closedByServer()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(4)
  void closesAtOnceWhenNothingIsInFlight() throws Exception {
    RunningServer server = start(Duration.ofSeconds(10));
    try (RawConnection idle = new RawConnection(server.port(), 3000)) {
      assertThat(idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");

      server.close();

      assertThat(idle.closedByServer()).isTrue();
      assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    RunningServer server = start(Duration.ofSeconds(1));
    server.close();
    server.close();

    assertThat(server.isClosed()).isTrue();
  }

  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(20);
      } catch (IOException refused) {
        return;
      }
    }
    throw new AssertionError("The server still accepted connections 3 s after close() began");
  }
}
