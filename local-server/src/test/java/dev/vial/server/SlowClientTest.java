package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that are slow or silent cannot starve the server: one-second read, response and idle
 * timeouts end them.
 */
@Timeout(20)
class SlowClientTest {

  private final List<RawConnection> connections = new ArrayList<>();
  private final List<Thread> dribblers = new ArrayList<>();
  private RunningServer server;

  private RunningServer start(int workers) {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    app.get("/slow", req -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException stoppedByTearDown) {
        Thread.currentThread().interrupt();
      }
      return ok("too late");
    });
    byte[] big = new byte[64 * 1024 * 1024];
    app.get("/big", req -> dev.vial.Responses.bytes(big, "application/octet-stream"));
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0)
        .withReadTimeout(Duration.ofSeconds(1))
        .withIdleTimeout(Duration.ofSeconds(1))
        .withResponseTimeout(Duration.ofSeconds(1))
        .withWorkerThreads(workers)
        .withVirtualThreads(false)
        .withShutdownGrace(Duration.ZERO));
    return server;
  }

  @AfterEach
  void tearDown() throws IOException {
    dribblers.forEach(Thread::interrupt);
    for (RawConnection connection : connections) {
      connection.close();
    }
    server.close();
  }

  @Test
  void cutsOffClientsDribblingHeaderBytesSoOthersAreServed() throws Exception {
    start(2);
    // Two clients hold both workers, each sending one header byte every 100 ms.
    RawConnection first = dribble();
    RawConnection second = dribble();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.url() + "/hello")).timeout(Duration.ofSeconds(8)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).isEqualTo("hello");
    assertThat(first.closedByServer()).isTrue();
    assertThat(second.closedByServer()).isTrue();
  }

  @Test
  void answersFiftyNormalClientsWhileSlowClientsDribbleAndStall() throws Exception {
    start(4);
    RawConnection dribbling = dribble();
    RawConnection stalled = new RawConnection(server.port(), 5000);
    connections.add(stalled);
    stalled.send("POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly ten b");

    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/hello"))
          .timeout(Duration.ofSeconds(8)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      assertThat(answer.get().body()).isEqualTo("hello");
    }
    assertThat(dribbling.closedByServer()).isTrue();
    assertThat(stalled.closedByServer()).isTrue();
  }

  @Test
  void silentConnectionsTakeNoWorkerAndAreClosedAfterTheIdleTimeout() throws Exception {
    start(1);
    for (int i = 0; i < 5; i++) {
      connections.add(new RawConnection(server.port(), 5000));
    }

    try (RawConnection active = new RawConnection(server.port(), 500)) {
      // Served within half a second although five connections wait: they hold no worker.
      assertThat(active.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");
    }
    for (RawConnection silent : connections) {
      assertThat(silent.closedByServer()).isTrue();
    }
  }

  @Test
  void closesIdleKeepAliveConnectionsAfterTheIdleTimeout() throws Exception {
    start(2);
    try (RawConnection connection = new RawConnection(server.port(), 5000)) {
      assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);

      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void closesTheConnectionOfAResponseThatTakesLongerThanTheResponseTimeout() throws Exception {
    start(2);
    try (RawConnection connection = new RawConnection(server.port(), 2900)) {
      connection.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");

      // Closed before the handler's 3 s are up, without an answer.
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void closesTheConnectionOfAClientThatDoesNotReadItsResponse() throws Exception {
    start(1);
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.socket().setReceiveBufferSize(4096);
      connection.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n"); // and never reads: the server's write blocks
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (server.connections().count() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }

      assertThat(server.connections().count()).as("connections still open").isZero();
      // the one handler slot was given back: another client is answered at once
      try (RawConnection next = new RawConnection(server.port(), 3000)) {
        assertThat(next.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");
      }
    }
  }

  private RawConnection dribble() throws IOException {
    RawConnection connection = new RawConnection(server.port(), 5000);
    connections.add(connection);
    connection.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: ");
    Thread dribbler = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          connection.send("a");
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException stopped) {
        // The server closed the connection, or the test is over.
      }
    });
    dribbler.setDaemon(true);
    dribbler.start();
    dribblers.add(dribbler);
    return connection;
  }
}
