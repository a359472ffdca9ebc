package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.stream.StreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AppStreamingTest {

  private static Response get(App app, String method, String path) {
    return app.handle(Request.builder(method, path).headers(Headers.of("Last-Event-ID", "41")).build());
  }

  private static App streamingApp(AtomicBoolean bodyRan) {
    App app = new App();
    app.get("/s", req -> Responses.stream("text/plain; charset=utf-8", out -> {
      bodyRan.set(true);
      out.write("streamed".getBytes(StandardCharsets.UTF_8));
    }));
    return app;
  }

  @Test
  void aStreamingResponseLeavesTheAppUnwritten() {
    AtomicBoolean bodyRan = new AtomicBoolean();

    Response response = get(streamingApp(bodyRan), "GET", "/s");

    assertThat(response.isStreaming()).isTrue();
    assertThat(response.body()).isEmpty();
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(bodyRan).as("the front door runs the body, not the app").isFalse();
    assertThat(StreamWriter.collect(response, 100).bodyText()).isEqualTo("streamed");
  }

  @Test
  void headSendsTheHeadersOnlyAndNeverRunsTheBody() {
    AtomicBoolean bodyRan = new AtomicBoolean();

    Response response = get(streamingApp(bodyRan), "HEAD", "/s");

    assertThat(response.isStreaming()).isFalse();
    assertThat(response.body()).isEmpty();
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.header("Content-Length")).isNull();
    assertThat(bodyRan).isFalse();
  }

  @Test
  void afterFiltersSeeAndCanDecorateAStreamingResponse() {
    App app = streamingApp(new AtomicBoolean());
    app.after((req, res) -> res.isStreaming() ? res.withHeader("X-Streaming", "yes") : res);

    Response response = get(app, "GET", "/s");

    assertThat(response.header("X-Streaming")).isEqualTo("yes");
    assertThat(response.isStreaming()).isTrue();
  }

  @Test
  void theDeadlineStillBoundsTheHandlerThatReturnsTheStream() {
    App slow = new App().deadline(Duration.ofMillis(200));
    slow.get("/slow", req -> {
      Thread.sleep(30_000);
      return Responses.stream(out -> { });
    });

    assertThat(get(slow, "GET", "/slow").status()).isEqualTo(503);
  }

  @Test
  void aStreamFromAHandlerUnderADeadlineRunsAfterItReturned() {
    // a generous deadline: the machine may be loaded; only the handler, not the body, runs under it
    App app = new App().deadline(Duration.ofSeconds(30));
    app.get("/fast", req -> Responses.stream(out -> out.write('x')));

    Response fast = get(app, "GET", "/fast");

    assertThat(fast.isStreaming()).isTrue();
    assertThat(StreamWriter.collect(fast, 10).bodyText()).isEqualTo("x");
  }

  @Test
  void theRequestCarriesTheLastEventId() {
    App app = new App();
    app.get("/id", req -> Responses.ok(String.valueOf(req.lastEventId())));

    assertThat(get(app, "GET", "/id").bodyText()).isEqualTo("41");
    assertThat(app.handle(Request.builder("GET", "/id").build()).bodyText()).isEqualTo("null");
  }

  @Test
  void withBodyAndWithoutBodyReplaceTheStream() {
    Response streaming = Responses.stream(out -> { });

    assertThat(streaming.withBody("x", "text/plain").isStreaming()).isFalse();
    assertThat(streaming.withoutBody().isStreaming()).isFalse();
    assertThat(streaming.withStatus(201).withHeader("A", "b").isStreaming()).isTrue();
    assertThat(streaming.toString()).contains("streamed");
  }
}
