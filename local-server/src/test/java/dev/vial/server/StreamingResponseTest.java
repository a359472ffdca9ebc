package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import dev.vial.Responses;
import dev.vial.stream.SseEvent;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streaming responses and Server-Sent Events over a real socket: chunked, each flush at once. */
@Timeout(60)
class StreamingResponseTest {

  private static final long HANDSHAKE_SECONDS = 30;
  private static RunningServer server;
  private static HttpClient client;
  /** Released by a test once it has seen the first part; the handler waits for it before the second. */
  private static volatile CountDownLatch firstPartSeen = new CountDownLatch(1);
  private static volatile CountDownLatch handlerEnded = new CountDownLatch(1);
  private static final AtomicReference<Throwable> handlerFailure = new AtomicReference<>();

  @BeforeAll
  static void start() {
    App app = new App();
    app.get("/handshake", req -> Responses.stream("text/plain; charset=utf-8", out -> {
      out.write(bytes("first\n"));
      out.flush();
      boolean seen = firstPartSeen.await(HANDSHAKE_SECONDS, TimeUnit.SECONDS);
      out.write(bytes(seen ? "second\n" : "the client never saw the first part\n"));
    }));
    app.get("/sse", req -> Responses.sse(events -> {
      events.send(SseEvent.data("{\"i\":1}").withId("1").withEvent("tick"));
      boolean seen = firstPartSeen.await(HANDSHAKE_SECONDS, TimeUnit.SECONDS);
      events.send(SseEvent.data(seen ? "{\"i\":2}" : "late").withId("2").withEvent("tick"));
    }));
    app.get("/lines", req -> Responses.stream("text/plain; charset=utf-8", out -> {
      for (int i = 1; i <= 3; i++) {
        out.write(bytes("chunk " + i + "\n"));
        out.flush();
      }
    }));
    app.get("/endless", req -> Responses.stream(out -> {
      try {
        while (true) {
          out.write(bytes("tick\n"));
          out.flush();
          Thread.sleep(20);
        }
      } catch (IOException | RuntimeException | InterruptedException e) {
        handlerFailure.set(e);
        throw e;
      } finally {
        handlerEnded.countDown();
      }
    }));
    app.get("/fails-late", req -> Responses.stream(out -> {
      out.write(bytes("partial\n"));
      out.flush();
      throw new IllegalStateException("the feed broke");
    }));
    app.get("/fails-early", req -> Responses.stream(out -> {
      throw new IllegalArgumentException("bad cursor");
    }));
    app.exception(IllegalArgumentException.class, (e, req) -> Responses.text(422, "refused: " + e.getMessage()));
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withShutdownGrace(Duration.ofSeconds(1)));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Test
  void theFirstChunkArrivesWhileTheHandlerStillWaitsToWriteTheSecond() throws Exception {
    firstPartSeen = new CountDownLatch(1);
    HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(uri("/handshake")).build(),
        HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = response.body().iterator();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    assertThat(response.headers().firstValue("content-length")).isEmpty();
    assertThat(lines.next()).isEqualTo("first");
    firstPartSeen.countDown(); // only now may the handler write the second part
    assertThat(lines.next()).isEqualTo("second");
    assertThat(lines.hasNext()).isFalse();
  }

  @Test
  void serverSentEventsArriveOneByOne() throws Exception {
    firstPartSeen = new CountDownLatch(1);
    HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(uri("/sse")).build(),
        HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = response.body().iterator();

    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
    assertThat(response.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(lines.next()).isEqualTo("id: 1");
    assertThat(lines.next()).isEqualTo("event: tick");
    assertThat(lines.next()).isEqualTo("data: {\"i\":1}");
    assertThat(lines.next()).isEmpty();
    firstPartSeen.countDown();
    assertThat(lines.next()).isEqualTo("id: 2");
    assertThat(lines.next()).isEqualTo("event: tick");
    assertThat(lines.next()).isEqualTo("data: {\"i\":2}");
  }

  @Test
  void eachFlushIsOneChunkAndTheConnectionStaysUsable() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(bytes("GET /lines HTTP/1.1\r\nHost: x\r\n\r\n"));
      out.flush();

      Map<String, String> head = readHead(in);
      assertThat(head).containsEntry("transfer-encoding", "chunked").doesNotContainKey("content-length");
      assertThat(readChunk(in)).isEqualTo("chunk 1\n");
      assertThat(readChunk(in)).isEqualTo("chunk 2\n");
      assertThat(readChunk(in)).isEqualTo("chunk 3\n");
      assertThat(readChunk(in)).as("the last chunk").isEmpty();

      out.write(bytes("GET /lines HTTP/1.1\r\nHost: x\r\n\r\n"));
      out.flush();
      assertThat(readHead(in).get(":status")).isEqualTo("200");
      assertThat(readChunk(in)).isEqualTo("chunk 1\n");
    }
  }

  @Test
  void headSendsTheHeadersOnlyAndKeepsTheConnection() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(bytes("HEAD /lines HTTP/1.1\r\nHost: x\r\n\r\nGET /lines HTTP/1.1\r\nHost: x\r\n\r\n"));
      out.flush();

      Map<String, String> head = readHead(in);
      assertThat(head.get(":status")).isEqualTo("200");
      assertThat(head.get("content-type")).isEqualTo("text/plain; charset=utf-8");
      // the next bytes are the second response's status line: the HEAD answer had no body
      Map<String, String> second = readHead(in);
      assertThat(second.get(":status")).isEqualTo("200");
      assertThat(readChunk(in)).isEqualTo("chunk 1\n");
    }
  }

  @Test
  void aFailureAfterTheFirstByteCutsTheStreamSoTheClientSeesAnError() throws Exception {
    try (Socket socket = socket()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(bytes("GET /fails-late HTTP/1.1\r\nHost: x\r\n\r\n"));
      out.flush();

      assertThat(readHead(in).get(":status")).isEqualTo("200");
      assertThat(readChunk(in)).isEqualTo("partial\n");
      assertThatThrownBy(() -> readChunk(in)).as("no last chunk, the connection just ends")
          .isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(uri("/fails-late")).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  @Test
  void aFailureBeforeTheFirstByteIsTheAppsNormalErrorAnswer() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/fails-early")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).isEqualTo("refused: bad cursor");
    assertThat(response.headers().firstValue("content-length")).hasValue("19");
    assertThat(response.headers().firstValue("x-request-id")).isPresent();
  }

  @Test
  void aClientThatLeavesEndsTheHandlerWithAnException() throws Exception {
    handlerEnded = new CountDownLatch(1);
    handlerFailure.set(null);
    try (Socket socket = socket()) {
      socket.getOutputStream().write(bytes("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n"));
      InputStream in = socket.getInputStream();
      readHead(in);
      assertThat(readChunk(in)).isEqualTo("tick\n");
      socket.setSoLinger(true, 0); // a reset, as a killed browser tab leaves
    }

    assertThat(handlerEnded.await(30, TimeUnit.SECONDS)).as("the handler ended").isTrue();
    assertThat(handlerFailure.get()).isInstanceOf(IOException.class);
    // the worker is free again
    HttpResponse<String> next = client.send(HttpRequest.newBuilder(uri("/lines")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(next.body()).isEqualTo("chunk 1\nchunk 2\nchunk 3\n");
  }

  private Socket socket() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** The status (as ":status") and header fields, names lower case. */
  private static Map<String, String> readHead(InputStream in) throws IOException {
    Map<String, String> head = new LinkedHashMap<>();
    head.put(":status", line(in).split(" ", 3)[1]);
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      head.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return head;
  }

  /** One chunk's data ("" for the last chunk, after which its trailer's blank line is read too). */
  private static String readChunk(InputStream in) throws IOException {
    int size = Integer.parseInt(line(in).trim(), 16);
    byte[] data = in.readNBytes(size);
    if (data.length < size) {
      throw new EOFException("chunk cut short");
    }
    line(in);
    return new String(data, StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new EOFException("connection closed mid-line");
      }
      line.write(c);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
