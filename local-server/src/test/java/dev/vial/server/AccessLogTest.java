package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.server.RecordingLogger.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/** The access log's writer thread: every line, in order, never blocking the request's thread. */
@Timeout(30)
class AccessLogTest {

  private final RecordingLogger logger = new RecordingLogger(true);
  private AccessLog log;

  @AfterEach
  void tearDown() {
    logger.release();
    if (log != null) {
      log.close();
    }
  }

  @Test
  void formatsOneLineWithMethodTargetStatusBytesMillisAndId() {
    log = AccessLog.start(logger, 100);

    log.record("GET", "/users/7", "full=1", 200, 512, System.nanoTime(), "4f2a9c0d1e3b5a67");
    log.record("POST", "/json", null, 400, 0, System.nanoTime() - 3_000_000, "abc");
    log.close();

    assertThat(logger.events()).extracting(Event::message).containsExactly(
        "GET /users/7?full=1 200 512B 0ms id=4f2a9c0d1e3b5a67",
        "POST /json 400 0B 3ms id=abc");
  }

  @Test
  void writesEveryLineFromManyThreadsEachInItsOrderByTheTimeCloseReturns() throws Exception {
    log = AccessLog.start(logger, 100_000);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String thread = "t" + t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 5000; i++) {
          log.record("GET", "/" + thread, Integer.toString(i), 200, 0, System.nanoTime(), thread);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    log.close();

    assertThat(logger.events()).hasSize(20_000);
    for (int t = 0; t < 4; t++) {
      String path = "GET /t" + t + "?";
      List<String> own = logger.events().stream().map(Event::message).filter(m -> m.startsWith(path)).toList();
      assertThat(own).hasSize(5000);
      for (int i = 0; i < own.size(); i++) {
        assertThat(own.get(i)).startsWith(path + i + " ");
      }
    }
  }

  @Test
  void logsOnItsOwnThreadWithTheRequestIdInTheMdc() {
    log = AccessLog.start(logger, 100);

    log.record("GET", "/", null, 200, 5, System.nanoTime(), "req-1");
    log.close();

    assertThat(logger.events()).singleElement().satisfies(event -> {
      assertThat(event.requestId()).isEqualTo("req-1");
      assertThat(event.thread()).isEqualTo("vial-access-log");
    });
  }

  @Test
  void aStalledOutputNeverBlocksTheRecordingThreadAndDroppedLinesAreCountedThenReported() {
    logger.stall();
    log = AccessLog.start(logger, 100);

    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      log.record("GET", "/", Integer.toString(i), 200, 0, System.nanoTime(), "id");
    }
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(tookMillis).as("1000 records against a stalled output").isLessThan(5000);
    // 100 wait in the queue; the writer may hold one more, stuck in the stalled logger.
    assertThat(log.droppedUnreported()).isBetween(899L, 900L);
    logger.release();
    log.close();
    List<Event> lines = logger.events(Level.INFO);
    assertThat(lines.size() + log.droppedUnreported()).isBetween(100L, 101L);
    assertThat(logger.events(Level.WARN)).singleElement().extracting(Event::message).asString()
        .matches((1000 - lines.size()) + " access lines dropped: the log output was slower than the requests .*");
    assertThat(lines.get(0).message()).startsWith("GET /?0 ");
  }

  @Test
  void recordsNothingWhenTheLoggerIsAboveInfo() {
    RecordingLogger quiet = new RecordingLogger(false);
    log = AccessLog.start(quiet, 100);

    log.record("GET", "/", null, 200, 0, System.nanoTime(), "id");
    log.close();

    assertThat(quiet.events()).isEmpty();
  }

  @Test
  void wakesFromItsIdleSleepForTheNextLine() throws Exception {
    log = AccessLog.start(logger, 100);
    log.record("GET", "/first", null, 200, 0, System.nanoTime(), "id");
    awaitEvents(1);
    Thread.sleep(500); // idle for longer than the writer's 100 ms before it sleeps until woken

    log.record("GET", "/second", null, 200, 0, System.nanoTime(), "id");

    awaitEvents(2); // written without a close
    assertThat(logger.events()).extracting(Event::message).last().asString().startsWith("GET /second ");
  }

  @Test
  void writesALineRecordedAfterCloseAtOnce() {
    log = AccessLog.start(logger, 100);
    log.close();

    log.record("GET", "/late", null, 200, 0, System.nanoTime(), "id");

    assertThat(logger.events()).extracting(Event::message).singleElement().asString().startsWith("GET /late ");
  }

  private void awaitEvents(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (logger.events().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(logger.events()).hasSize(count);
  }
}
