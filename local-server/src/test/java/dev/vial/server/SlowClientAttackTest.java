package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.App;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 connections dribbling their request heads and 50 stalling their bodies cannot lock other
 * clients out: normal requests are answered while every slow connection is still open, and the read
 * timeout closes the slow ones afterwards.
 *
 * <p>With four handler slots, the old fixed pool of four threads (which also read the heads) answered
 * none of the normal requests until the read timeout had closed the slow connections.
 */
@Timeout(60)
class SlowClientAttackTest {

  private static final int DRIBBLERS = 200;
  private static final int STALLERS = 50;
  private static final int NORMAL_CLIENTS = 50;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  /**
   * Generous for a machine loaded by other builds (unloaded, the answers take milliseconds: see
   * scripts/slow-clients.sh), and well under the read timeout, before which a locked-out client gets nothing.
   */
  private static final Duration NORMAL_LATENCY_BOUND = Duration.ofSeconds(6);

  private final List<RawConnection> slow = new ArrayList<>();
  private Thread dribbler;
  private RunningServer server;

  @AfterEach
  void tearDown() throws IOException {
    if (dribbler != null) {
      dribbler.interrupt();
    }
    for (RawConnection connection : slow) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void platformThreadsAnswerNormalClientsWhileSlowOnesHoldTheirConnections() throws Exception {
    attackThenServe(false);
  }

  @Test
  void virtualThreadsAnswerNormalClientsWhileSlowOnesHoldTheirConnections() throws Exception {
    assumeTrue(WorkerPool.virtualThreadsAvailable(), "virtual threads need Java 21+; the platform-thread test covers this JVM");
    attackThenServe(true);
  }

  private void attackThenServe(boolean virtualThreads) throws Exception {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0)
        .withReadTimeout(READ_TIMEOUT)
        .withIdleTimeout(READ_TIMEOUT)
        .withWorkerThreads(4)
        .withVirtualThreads(virtualThreads)
        .withShutdownGrace(Duration.ZERO));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Warms up the client and the server, so the bound below measures waiting, not class loading.
    assertThat(client.send(normalRequest(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("hello");

    for (int i = 0; i < DRIBBLERS; i++) {
      slow.add(new RawConnection(server.port(), 20_000).send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: "));
    }
    for (int i = 0; i < STALLERS; i++) {
      slow.add(new RawConnection(server.port(), 20_000)
          .send("POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly ten b"));
    }
    startDribbling(slow.subList(0, DRIBBLERS));
    Thread.sleep(500); // let the server take up every slow connection before the normal clients arrive

    List<CompletableFuture<Long>> latencies = new ArrayList<>();
    for (int i = 0; i < NORMAL_CLIENTS; i++) {
      long sent = System.nanoTime();
      latencies.add(client.sendAsync(normalRequest(), HttpResponse.BodyHandlers.ofString())
          .thenApply(answer -> {
            assertThat(answer.body()).isEqualTo("hello");
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
          }));
    }
    List<Long> millis = new ArrayList<>();
    for (CompletableFuture<Long> latency : latencies) {
      millis.add(latency.get()); // an HttpTimeoutException here: a normal client waited past the bound
    }

    assertThat(millis).hasSize(NORMAL_CLIENTS).allMatch(ms -> ms < NORMAL_LATENCY_BOUND.toMillis());
    int stillOpen = 0;
    for (RawConnection connection : slow) {
      if (!connection.closedWithin(1)) {
        stillOpen++;
      }
    }
    assertThat(stillOpen).as("slow connections still open when every normal client had its answer")
        .isEqualTo(DRIBBLERS + STALLERS);
    for (RawConnection connection : slow) {
      assertThat(connection.closedByServer()).as("closed by the read timeout").isTrue();
    }
  }

  private HttpRequest normalRequest() {
    return HttpRequest.newBuilder(URI.create(server.url() + "/hello")).timeout(NORMAL_LATENCY_BOUND).build();
  }

  /** One thread sends one more header byte on every dribbling connection each second. */
  private void startDribbling(List<RawConnection> connections) {
    dribbler = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(1000);
          for (RawConnection connection : connections) {
            try {
              connection.send("a");
            } catch (IOException closedByServer) {
              // the read timeout got this one: the others keep dribbling
            }
          }
        }
      } catch (InterruptedException testOver) {
        Thread.currentThread().interrupt();
      }
    }, "dribbler");
    dribbler.setDaemon(true);
    dribbler.start();
  }
}
