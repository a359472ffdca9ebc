package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.App;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On platform threads at most {@code workerThreads} handlers run at once; the rest wait their turn and are answered. */
@Timeout(30)
class HandlerSlotsTest {

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private RunningServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void platformThreadsRunAtMostWorkerThreadsHandlersAtOnce() throws Exception {
    start(false);

    assertThat(sixConcurrentRequests()).allMatch("done"::equals);
    assertThat(mostAtOnce.get()).isEqualTo(2);
  }

  @Test
  void virtualThreadsRunEveryHandlerAtOnce() throws Exception {
    assumeTrue(WorkerPool.virtualThreadsAvailable(), "virtual threads need Java 21+");
    start(true);

    assertThat(sixConcurrentRequests()).allMatch("done"::equals);
    assertThat(mostAtOnce.get()).isGreaterThan(2);
  }

  private void start(boolean virtualThreads) {
    App app = new App();
    app.get("/work", req -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(400);
      } finally {
        running.decrementAndGet();
      }
      return ok("done");
    });
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withWorkerThreads(2)
        .withVirtualThreads(virtualThreads));
  }

  private List<String> sixConcurrentRequests() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/work"))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    List<String> bodies = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      bodies.add(answer.get().body());
    }
    return bodies;
  }
}
