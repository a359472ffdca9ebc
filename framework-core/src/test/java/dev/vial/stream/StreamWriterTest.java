package dev.vial.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StreamWriterTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Response handled(App app, String path) {
    return app.handle(Request.builder("GET", path).build());
  }

  @Test
  void sendsHeadersAtTheFirstFlushAndEachFlushAsItHappens() throws Exception {
    Response response = Responses.stream("text/plain; charset=utf-8", out -> {
      out.write(utf8("one\n"));
      out.flush();
      out.write(utf8("two\n"));
      out.flush();
    }).withHeader("X-Stream", "yes");
    RecordingExchange exchange = new RecordingExchange();

    long sent = StreamWriter.write(response, exchange);

    assertThat(sent).isEqualTo(8);
    assertThat(exchange.head.header("X-Stream")).isEqualTo("yes");
    assertThat(exchange.head.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(exchange.flushedParts).containsExactly("one\n", "two\n", "");
    assertThat(exchange.whole).isNull();
  }

  @Test
  void aBodyThatNeverFlushesIsSentWhenItReturns() throws Exception {
    RecordingExchange exchange = new RecordingExchange();

    StreamWriter.write(Responses.stream(out -> out.write(utf8("all at once"))), exchange);

    assertThat(exchange.bodyText()).isEqualTo("all at once");
    assertThat(exchange.flushedParts).containsExactly("all at once");
  }

  @Test
  void aFailureBeforeTheFirstByteBecomesTheAppsErrorAnswer() throws Exception {
    App app = new App();
    app.get("/s", req -> Responses.stream(out -> {
      out.write(utf8("held back, never sent"));
      throw new IllegalStateException("database down");
    }));
    app.exception(IllegalStateException.class, (e, req) -> Responses.text(503, "sorry: " + e.getMessage()));
    app.after((req, res) -> res.withHeader("X-After", "ran"));
    RecordingExchange exchange = new RecordingExchange();

    long sent = StreamWriter.write(handled(app, "/s"), exchange);

    assertThat(sent).isEqualTo(-1);
    assertThat(exchange.head).as("no stream was started").isNull();
    assertThat(exchange.whole.status()).isEqualTo(503);
    assertThat(exchange.whole.bodyText()).isEqualTo("sorry: database down");
    assertThat(exchange.whole.header("X-After")).isEqualTo("ran");
  }

  @Test
  void anHttpExceptionBeforeTheFirstByteGivesItsStatus() throws Exception {
    App app = new App();
    app.get("/s", req -> Responses.stream(out -> {
      throw new HttpException(404, "no such feed");
    }));
    RecordingExchange exchange = new RecordingExchange();

    StreamWriter.write(handled(app, "/s"), exchange);

    assertThat(exchange.whole.status()).isEqualTo(404);
    assertThat(exchange.whole.bodyText()).isEqualTo("{\"error\":\"no such feed\",\"status\":404}");
  }

  @Test
  void aFailureAfterTheFirstByteAbortsTheStream() {
    App app = new App();
    app.get("/s", req -> Responses.stream(out -> {
      out.write(utf8("partial"));
      out.flush();
      throw new IllegalStateException("boom");
    }));
    RecordingExchange exchange = new RecordingExchange();

    assertThatThrownBy(() -> StreamWriter.write(handled(app, "/s"), exchange))
        .isInstanceOf(StreamAbortedException.class)
        .hasMessageContaining("after 7 bytes")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(exchange.bodyText()).isEqualTo("partial");
    assertThat(exchange.whole).isNull();
  }

  @Test
  void aDepartedClientEndsTheBodyWithTheWriteException() {
    AtomicReference<Throwable> seenByBody = new AtomicReference<>();
    Response response = Responses.stream(out -> {
      try {
        for (int i = 0; i < 1000; i++) {
          out.write(utf8("chunk " + i + "\n"));
          out.flush();
        }
      } catch (IOException e) {
        seenByBody.set(e);
        throw e;
      }
    });
    RecordingExchange exchange = new RecordingExchange();
    exchange.failAfterFlushes = 2;

    assertThatThrownBy(() -> StreamWriter.write(response, exchange))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(StreamAbortedException.class)
        .hasMessage("Broken pipe");
    assertThat(seenByBody.get()).hasMessage("Broken pipe");
  }

  @Test
  void aBodyThatSwallowsTheDepartedClientsExceptionStillEndsAsClientGone() {
    Response response = Responses.stream(out -> {
      out.write(utf8("a"));
      out.flush();
      try {
        out.write(utf8("b"));
        out.flush();
      } catch (IOException ignored) {
        // a careless handler
      }
      throw new IllegalStateException("later failure");
    });
    RecordingExchange exchange = new RecordingExchange();
    exchange.failAfterFlushes = 1;

    assertThatThrownBy(() -> StreamWriter.write(response, exchange))
        .isInstanceOf(IOException.class)
        .hasMessage("Broken pipe");
  }

  @Test
  void refusesAResponseThatDoesNotStream() {
    assertThatThrownBy(() -> StreamWriter.write(Responses.ok("x"), new RecordingExchange()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void collectsAStreamIntoAnOrdinaryResponse() {
    Response response = Responses.stream("text/plain; charset=utf-8", out -> {
      out.write(utf8("a"));
      out.flush();
      out.write(utf8("b"));
    }).withHeader("X-Kept", "1");

    Response collected = StreamWriter.collect(response, 100);

    assertThat(collected.isStreaming()).isFalse();
    assertThat(collected.bodyText()).isEqualTo("ab");
    assertThat(collected.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(collected.header("X-Kept")).isEqualTo("1");
  }

  @Test
  void collectingLeavesAWholeResponseAlone() {
    Response whole = Responses.ok("x");

    assertThat(StreamWriter.collect(whole, 100)).isSameAs(whole);
  }

  @Test
  void collectingAStreamOverTheLimitAnswers500NamingTheLimit() {
    App app = new App();
    app.get("/big", req -> Responses.stream(out -> {
      byte[] kilobyte = new byte[1024];
      for (int i = 0; i < 100; i++) {
        out.write(kilobyte);
      }
    }));

    Response collected = StreamWriter.collect(handled(app, "/big"), 10_000);

    assertThat(collected.status()).isEqualTo(500);
    assertThat(collected.bodyText()).contains("Streamed response exceeds the limit of 10000 bytes");
  }

  @Test
  void collectingAFailingStreamGivesTheAppsErrorAnswer() {
    App app = new App();
    app.get("/s", req -> Responses.stream(out -> {
      out.write(utf8("partial"));
      out.flush();
      throw new IllegalStateException("boom");
    }));

    Response collected = StreamWriter.collect(handled(app, "/s"), 1000);

    assertThat(collected.status()).isEqualTo(500);
    assertThat(collected.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
  }

  @Test
  void anErrorHandlerThatStreamsToo() throws Exception {
    App app = new App();
    app.get("/s", req -> Responses.stream(out -> {
      throw new IllegalStateException("first");
    }));
    app.exception(IllegalStateException.class, (e, req) -> Responses.stream(out -> {
      throw new IllegalStateException("second");
    }));
    RecordingExchange exchange = new RecordingExchange();

    StreamWriter.write(handled(app, "/s"), exchange);

    assertThat(exchange.whole.status()).isEqualTo(500);
  }
}
