package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.TestResponse;
import dev.vial.testkit.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class StreamRoutesTest {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = LocalServer.start(EchoApp.create(), ServerOptions.defaults().withPort(0)
        .withShutdownGrace(Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Each line with the milliseconds since the request was sent when it arrived. */
  private record TimedLine(String text, long atMillis) {}

  private static List<TimedLine> timedLines(String path) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long start = System.nanoTime();
    HttpResponse<java.io.InputStream> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    List<TimedLine> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(new TimedLine(line, (System.nanoTime() - start) / 1_000_000));
      }
    }
    return lines;
  }

  @Test
  void streamsEachChunkWhenItIsWrittenOverARealSocket() throws Exception {
    List<TimedLine> lines = timedLines("/stream?chunks=3&delayMs=1000");

    assertThat(lines).extracting(TimedLine::text).containsExactly("chunk 1", "chunk 2", "chunk 3");
    // the handler sleeps a second between chunks: had they been buffered, all would arrive together
    assertThat(lines.get(1).atMillis() - lines.get(0).atMillis()).isGreaterThanOrEqualTo(500);
    assertThat(lines.get(2).atMillis() - lines.get(1).atMillis()).isGreaterThanOrEqualTo(500);
  }

  @Test
  void sendsServerSentEventsAsTheyHappen() throws Exception {
    List<TimedLine> lines = timedLines("/sse?events=2&delayMs=1000");

    assertThat(lines).extracting(TimedLine::text).containsExactly(
        "id: 1", "event: tick", "data: {\"i\":1}", "", "id: 2", "event: tick", "data: {\"i\":2}", "");
    assertThat(lines.get(4).atMillis() - lines.get(2).atMillis()).isGreaterThanOrEqualTo(500);
  }

  @Test
  void describesTheStreamsInTheirHeaders() {
    try (TestClient client = TestClient.http(URI.create("http://127.0.0.1:" + server.port()))) {
      TestResponse stream = client.send(TestRequest.get("/stream?chunks=2"));
      TestResponse sse = client.send(TestRequest.get("/sse?events=1"));

      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
      assertThat(stream.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(stream.bodyText()).isEqualTo("chunk 1\nchunk 2\n");
      assertThat(sse.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
      assertThat(sse.header("Cache-Control")).isEqualTo("no-cache");
      assertThat(sse.bodyText()).isEqualTo("id: 1\nevent: tick\ndata: {\"i\":1}\n\n");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyFrontDoorGetsTheSameBodies(Transport transport) {
    try (TestClient client = TestClient.of(transport, EchoApp.create())) {
      TestResponse stream = client.send(TestRequest.get("/stream?chunks=3&delayMs=1"));
      TestResponse sse = client.send(TestRequest.get("/sse?events=2"));
      TestResponse none = client.send(TestRequest.get("/stream?chunks=0"));

      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
      assertThat(stream.bodyText()).isEqualTo("chunk 1\nchunk 2\nchunk 3\n");
      assertThat(sse.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
      assertThat(sse.bodyText()).isEqualTo(
          "id: 1\nevent: tick\ndata: {\"i\":1}\n\nid: 2\nevent: tick\ndata: {\"i\":2}\n\n");
      assertThat(none.status()).isEqualTo(200);
      assertThat(none.bodyText()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/stream", "/stream?chunks=101", "/stream?chunks=-1", "/stream?chunks=x",
      "/stream?chunks=2&delayMs=1001", "/stream?chunks=2&delayMs=-5", "/sse", "/sse?events=101",
      "/sse?events=1&delayMs=99999999999"})
  void refusesCountsAndDelaysOutOfRange(String path) {
    try (TestClient client = TestClient.of(Transport.IN_MEMORY, EchoApp.create())) {
      TestResponse response = client.send(TestRequest.get(path));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.bodyText()).contains("must be a whole number from 0 to");
    }
  }
}
