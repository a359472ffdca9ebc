package dev.vial.stream;

import dev.vial.Response;
import dev.vial.Responses;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events responses:
 *
 * <pre>{@code
 * app.get("/ticks", req -> Sse.response(events -> {
 *   for (int i = 1; i <= 3; i++) {
 *     events.send(SseEvent.data("{\"i\":" + i + "}").withId(Integer.toString(i)).withEvent("tick"));
 *     Thread.sleep(1000);
 *   }
 * }));
 * }</pre>
 *
 * <p>The response is {@code text/event-stream; charset=utf-8} with {@code Cache-Control: no-cache} and
 * {@code X-Accel-Buffering: no} (so proxies such as nginx pass each event on), and is never compressed.
 * While the handler runs, an empty comment goes out every {@link #DEFAULT_HEARTBEAT} (15 s) unless
 * another interval is given, so idle connections are not closed by proxies and a client that left is
 * noticed. A reconnecting browser sends the last id it saw: {@link dev.vial.Request#lastEventId()}.
 * On buffered Lambda front doors the events arrive all at once, when the handler returns.
 */
public final class Sse {

  /** The content type of an event stream. */
  public static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
  /** The default heartbeat interval: 15 seconds. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

  private Sse() {}

  /** An event stream produced by {@code handler}, with a heartbeat every 15 s. */
  public static Response response(SseHandler handler) {
    return response(DEFAULT_HEARTBEAT, handler);
  }

  /**
   * An event stream produced by {@code handler}, with a heartbeat comment every {@code heartbeat}
   * ({@link Duration#ZERO}: none).
   */
  public static Response response(Duration heartbeat, SseHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("SSE handler must not be null");
    }
    if (heartbeat == null || heartbeat.isNegative() || (!heartbeat.isZero() && heartbeat.toMillis() < 1)) {
      throw new IllegalArgumentException("SSE heartbeat must be zero (none) or at least 1 ms, got " + heartbeat);
    }
    long periodMillis = heartbeat.toMillis();
    return Responses.stream(CONTENT_TYPE, out -> {
      SseEmitter emitter = new SseEmitter(out, Thread.currentThread());
      ScheduledFuture<?> beats = periodMillis == 0 ? null
          : Heartbeats.SCHEDULER.scheduleAtFixedRate(emitter::heartbeat, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
      try {
        handler.stream(emitter);
      } finally {
        if (beats != null) {
          beats.cancel(false);
        }
      }
    }).withHeader("Cache-Control", "no-cache").withHeader("X-Accel-Buffering", "no");
  }

  /** One daemon thread for every stream's heartbeat, started with the first event stream. */
  private static final class Heartbeats {
    static final ScheduledExecutorService SCHEDULER = scheduler();

    private static ScheduledExecutorService scheduler() {
      ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "vial-sse-heartbeat");
        thread.setDaemon(true);
        return thread;
      });
      scheduler.setRemoveOnCancelPolicy(true);
      return scheduler;
    }
  }
}
