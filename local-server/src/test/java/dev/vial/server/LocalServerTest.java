package dev.vial.server;

import static dev.vial.Responses.bytes;
import static dev.vial.Responses.noContent;
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
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server over real sockets: framing, limits and concurrency. */
@Timeout(20)
class LocalServerTest {

  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_HEADER = 8 * 1024;

  private static RunningServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    app.post("/echo", req -> bytes(req.body(), "application/octet-stream"));
    app.get("/empty", req -> noContent());
    app.get("/raw/{rest:path}", req -> ok(req.rawPath() + (req.rawQuery() == null ? "" : "?" + req.rawQuery())));
    app.get("/declared-length", req -> ok("abc").withHeader("Content-Length", "3"));
    app.get("/thread", req -> ok(Thread.currentThread().getClass().getName()));
    app.get("/headers", req -> ok(String.valueOf(req.header("X-Big")).length() + ""));
    app.get("/names", req -> ok(String.join(",", req.headers().names())));
    app.get("/word/{word}", req -> ok(req.pathParam("word")));
    app.get("/closing", req -> ok("bye").withHeader("Connection", "close"));
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0)
        .withMaxBodyBytes(MAX_BODY)
        .withMaxHeaderBytes(MAX_HEADER)
        .withReadTimeout(Duration.ofSeconds(3))
        .withWorkerThreads(8)
        .withShutdownGrace(Duration.ofSeconds(1)));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void bindsLoopbackOnTheFreePortItWasGiven() {
    assertThat(server.port()).isPositive();
    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
  }

  @Test
  void runsHandlersOnVirtualThreadsWhereTheJvmHasThem() throws Exception {
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/thread")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body())
        .isEqualTo(WorkerPool.virtualThreadsAvailable() ? "java.lang.VirtualThread" : "java.lang.Thread");
    assertThat(WorkerPool.virtualThreadsAvailable()).isEqualTo(Runtime.version().feature() >= 21);
  }

  @Test
  void servesTwoRequestsOverOneKeepAliveConnection() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse first = connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read();
      RawConnection.RawResponse second = connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.bodyText()).isEqualTo("hello");
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.bodyText()).isEqualTo("hello");
      assertThat(second.header("connection")).isNull();
    }
  }

  @Test
  void servesPipelinedRequestsInOrder() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\none"
          + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\ntwo");

      assertThat(connection.read().bodyText()).isEqualTo("one");
      assertThat(connection.read().bodyText()).isEqualTo("two");
    }
  }

  @Test
  void sendsOneHundredContinueThenReadsTheBody() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
      RawConnection.RawResponse interim = connection.read();
      connection.send("hello");
      RawConnection.RawResponse answer = connection.read();

      assertThat(interim.status()).isEqualTo(100);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.bodyText()).isEqualTo("hello");
    }
  }

  @Test
  void answersAnOversizeUploadThatExpectsContinueWith413InsteadOfContinue() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer = connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: "
          + (MAX_BODY + 1) + "\r\nExpect: 100-continue\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(413); // the client never sends a byte of the body
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void refusesADeclaredOversizeBodyWith413WithoutWaitingForIt() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 2000)) {
      // Only the head is sent: had the server tried to read the body, no answer would come before the read timeout.
      RawConnection.RawResponse answer = connection
          .send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\n\r\n")
          .read();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
      assertThat(answer.header("content-type")).startsWith("application/json");
      assertThat(answer.bodyText()).contains("\"status\":413").contains(Integer.toString(MAX_BODY));
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void refusesAChunkedBodyWith413AsSoonAsItCrossesTheLimit() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 2000)) {
      connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[16 * 1024];
      for (int sent = 0; sent <= MAX_BODY; sent += chunk.length) {
        connection.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
      }
      // The terminating chunk is never sent: the answer must not wait for it.
      RawConnection.RawResponse answer = connection.read();

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void acceptsABodyOfExactlyTheLimit() throws Exception {
    byte[] payload = new byte[MAX_BODY];
    new Random(7).nextBytes(payload);

    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/echo"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(payload);
  }

  @Test
  void echoesAChunkedUploadByteForByte() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n" + "1;ext=1\r\n \r\n" + "b\r\nchunked wor\r\n" + "2\r\nld\r\n" + "0\r\n\r\n");
      RawConnection.RawResponse answer = connection.read();

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.bodyText()).isEqualTo("hello chunked world");
      assertThat(answer.header("content-length")).isEqualTo("19");
      // The connection stays usable after a chunked request.
      assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");
    }
  }

  @Test
  void echoesAStreamedUploadOfUnknownLength() throws Exception {
    byte[] payload = new byte[40_000];
    new Random(11).nextBytes(payload);

    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/echo"))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(payload))).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(payload);
  }

  @Test
  void answersAWrongMethodWith405AndAllow() throws Exception {
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/hello"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    assertThat(answer.body()).contains("\"status\":405");
  }

  @Test
  void answersHeadWithTheGetsContentLengthAndNoBody() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse head = connection.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
      // Had any body byte followed the HEAD answer, this second response would not parse.
      RawConnection.RawResponse get = connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("content-length")).isEqualTo("5");
      assertThat(head.count("content-length")).isEqualTo(1);
      assertThat(head.header("content-type")).startsWith("text/plain");
      assertThat(get.statusLine()).startsWith("HTTP/1.1 200");
      assertThat(get.bodyText()).isEqualTo("hello");
    }
  }

  @Test
  void sends204WithoutBodyOrContentLength() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse empty = connection.send("GET /empty HTTP/1.1\r\nHost: t\r\n\r\n").read();
      RawConnection.RawResponse next = connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(empty.status()).isEqualTo(204);
      assertThat(empty.header("content-length")).isNull();
      assertThat(empty.header("transfer-encoding")).isNull();
      assertThat(next.bodyText()).isEqualTo("hello");
    }
  }

  @Test
  void sendsExactlyOneContentLengthWhenTheAppSetsItsOwn() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer = connection.send("GET /declared-length HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(answer.count("content-length")).isEqualTo(1);
      assertThat(answer.header("content-length")).isEqualTo("3");
      assertThat(answer.bodyText()).isEqualTo("abc");
    }
  }

  @Test
  void handsTheAppTheRawPathAndQuery() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer =
          connection.send("GET /raw/a%2Fb/c%20d?x=1%262&y HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(answer.bodyText()).isEqualTo("/raw/a%2Fb/c%20d?x=1%262&y");
    }
  }

  @Test
  void answersAnUnknownHttpVersionWith505AndCloses() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer = connection.send("GET /hello HTTP/9.7\r\nHost: t\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(505);
      assertThat(answer.bodyText()).contains("HTTP/9.7").contains("\"status\":505");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void answersHeadersOverTheLimitWith431() throws IOException {
    String big = "x".repeat(MAX_HEADER + 100);
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer =
          connection.send("GET /headers HTTP/1.1\r\nHost: t\r\nX-Big: " + big + "\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(431);
      assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void acceptsHeadersJustUnderTheLimit() throws IOException {
    String big = "x".repeat(MAX_HEADER - 200);
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer =
          connection.send("GET /headers HTTP/1.1\r\nHost: t\r\nX-Big: " + big + "\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.bodyText()).isEqualTo(Integer.toString(big.length()));
    }
  }

  @Test
  void answersAHugeHeadWith431WithoutReadingAllOfIt() throws IOException {
    String huge = "x".repeat(30 * MAX_HEADER);
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer =
          connection.send("GET /headers HTTP/1.1\r\nHost: t\r\nX-Big: " + huge + "\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(431);
      assertThat(answer.bodyText()).contains("larger than the limit of " + MAX_HEADER + " bytes");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void handsTheAppHeaderNamesInTheCaseTheClientSent() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer =
          connection.send("GET /names HTTP/1.1\r\nhost: t\r\nX-MiXeD-Case: 1\r\n\r\n").read();

      assertThat(answer.bodyText()).isEqualTo("host,X-MiXeD-Case");
    }
  }

  @Test
  void readsRawUtf8InATargetAsPercentEncodedUtf8() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      byte[] request = "GET /word/caf\u00e9 HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

      assertThat(connection.send(request).read().bodyText()).isEqualTo("caf\u00e9");
    }
  }

  @Test
  void closesTheConnectionWhenTheAppAsksTo() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer = connection.send("GET /closing HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(answer.header("connection")).isEqualTo("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void keepsAnHttp10ConnectionOnlyWhenAskedTo() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse kept = connection.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(kept.header("connection")).isEqualTo("keep-alive");
      RawConnection.RawResponse last = connection.send("GET /hello HTTP/1.0\r\n\r\n").read();

      assertThat(last.bodyText()).isEqualTo("hello");
      assertThat(last.header("connection")).isEqualTo("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void answersFiftyConcurrentClientsEachWithTheirOwnPayload() throws Exception {
    int clients = 50;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch ready = new CountDownLatch(clients);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int seed = i;
        outcomes.add(pool.submit(() -> {
          byte[] payload = new byte[1000 + seed * 97];
          new Random(seed).nextBytes(payload);
          HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          ready.countDown();
          ready.await();
          HttpResponse<byte[]> answer = own.send(HttpRequest.newBuilder(URI.create(server.url() + "/echo"))
                  .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          return answer.statusCode() == 200 && java.util.Arrays.equals(answer.body(), payload);
        }));
      }
      for (Future<Boolean> outcome : outcomes) {
        assertThat(outcome.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsServingAfterAClientDisconnectsMidBody() throws Exception {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nonly a little");
    }
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/hello")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).isEqualTo("hello");
  }

}
