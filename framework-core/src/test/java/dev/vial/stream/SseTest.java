package dev.vial.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.Response;
import dev.vial.Responses;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SseTest {

  @Test
  void isAnUncachedUtf8EventStream() {
    Response response = Responses.sse(events -> events.send("x"));

    assertThat(response.isStreaming()).isTrue();
    assertThat(response.contentType()).isEqualTo("text/event-stream; charset=utf-8");
    assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(response.header("X-Accel-Buffering")).isEqualTo("no");
  }

  @Test
  void eachEventIsFlushedAsItIsSent() throws Exception {
    Response response = Sse.response(Duration.ZERO, events -> {
      events.send(SseEvent.data("{\"i\":1}").withId("1").withEvent("tick"));
      events.send(SseEvent.data("{\"i\":2}").withId("2").withEvent("tick"));
    });
    RecordingExchange exchange = new RecordingExchange();

    StreamWriter.write(response, exchange);

    assertThat(exchange.flushedParts).containsExactly(
        "id: 1\nevent: tick\ndata: {\"i\":1}\n\n", "id: 2\nevent: tick\ndata: {\"i\":2}\n\n", "");
  }

  @Test
  void sendsAHeartbeatCommentWhileTheHandlerIsIdle() throws Exception {
    Response response = Sse.response(Duration.ofMillis(50), events -> {
      events.send("first");
      Thread.sleep(600);
    });
    RecordingExchange exchange = new RecordingExchange();

    StreamWriter.write(response, exchange);

    EventStreamParser parsed = EventStreamParser.parse(exchange.bodyText());
    assertThat(parsed.events).hasSize(1);
    assertThat(parsed.comments).isNotEmpty().allMatch(String::isEmpty);
  }

  @Test
  void aHeartbeatThatFindsTheClientGoneInterruptsTheWaitingHandler() {
    CountDownLatch never = new CountDownLatch(1);
    AtomicReference<Throwable> handlerSaw = new AtomicReference<>();
    Response response = Sse.response(Duration.ofMillis(50), events -> {
      events.send("first");
      try {
        never.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        handlerSaw.set(e);
        throw e;
      }
    });
    RecordingExchange exchange = new RecordingExchange();
    exchange.failAfterFlushes = 1;

    long start = System.nanoTime();
    assertThatThrownBy(() -> StreamWriter.write(response, exchange)).isInstanceOf(IOException.class);

    assertThat(handlerSaw.get()).isInstanceOf(InterruptedException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(Thread.currentThread().isInterrupted()).as("the front door's thread is not left interrupted").isFalse();
  }

  @Test
  void afterTheClientLeftEverySendFails() {
    Response response = Sse.response(Duration.ZERO, events -> {
      events.send("a");
      try {
        events.send("b");
      } catch (IOException first) {
        // ignored once: the next send must fail too
      }
      events.comment("still there?");
    });
    RecordingExchange exchange = new RecordingExchange();
    exchange.failAfterFlushes = 1;

    assertThatThrownBy(() -> StreamWriter.write(response, exchange)).isInstanceOf(IOException.class);
  }

  @Test
  void refusesABadHeartbeatOrNoHandler() {
    assertThatThrownBy(() -> Sse.response(Duration.ofMillis(-1), events -> { }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sse.response(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
