package dev.vial.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line per answered request on logger {@code dev.vial.server.access}:
 * {@code GET /users/7?full=1 200 512B 3ms id=4f2a9c0d1e3b5a67} (method, raw path and query, status,
 * body bytes sent, milliseconds from the request reaching a worker to the last byte written, request id).
 * Turn it off by setting that logger's level above INFO.
 *
 * <p>Why a writer thread: the request's thread checks the level and formats the line once, then
 * only queues it; one daemon thread ({@code vial-access-log}) hands the lines, in order, to the same
 * slf4j logger, with the request id in the MDC as the request's own thread had it. A slow terminal, a
 * full disk or an slf4j binding that writes synchronously under a lock (slf4j-simple: an unbuffered,
 * synchronized {@code System.err}) then slows that one thread, never a request. The writer does not
 * poll while lines keep coming faster than it writes them; when idle it sleeps and the next line wakes it.
 *
 * <p>When the queue is full ({@value #DEFAULT_CAPACITY} lines waiting: the log output has been slower
 * than the requests for a while) a line is dropped and counted, and the writer logs one WARN with the
 * count when it has caught up. Dropping, not blocking, because blocking would hand the slow output's
 * pace back to every request, which is what this class exists to prevent; a log that cannot keep up
 * with the traffic loses lines either way, this way it says how many.
 *
 * <p>Nothing queued is lost on a stop: {@link #close()} ({@link RunningServer#close()}, which
 * {@link LocalServer#serve} calls on SIGTERM and Ctrl-C) writes every queued line before it returns,
 * a shutdown hook does the same when the JVM exits without a close, and a line recorded after the
 * close is written on the caller's thread.
 */
final class AccessLog implements AutoCloseable {

  /** Lines that may wait for the writer; about 150 bytes each. */
  static final int DEFAULT_CAPACITY = 16_384;
  /** How long the writer pauses between batches while lines keep coming: one wake-up per batch, not per line. */
  private static final long BATCH_PAUSE_NANOS = 2_000_000;
  /** Empty batches in a row (about 100 ms) after which the writer sleeps until a line wakes it. */
  private static final int IDLE_BATCHES_BEFORE_SLEEP = 50;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Logger logger;
  private final int capacity;
  private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final Object writing = new Object();
  private final Thread writer;
  private final Thread shutdownHook;
  private volatile boolean sleeping;
  private volatile boolean closed;

  /** A formatted line and the request id to put in the MDC while it is logged. */
  private record Line(String text, String requestId) {}

  private AccessLog(Logger logger, int capacity) {
    this.logger = logger;
    this.capacity = capacity;
    // Named classes, not lambdas: the server's start path spins up no lambda classes.
    this.writer = new Thread(new Writer(this), "vial-access-log");
    writer.setDaemon(true);
    this.shutdownHook = new Thread(new Closer(this), "vial-access-log-flush");
  }

  /** Starts the writer for logger {@code dev.vial.server.access}; {@link #close()} stops it. */
  static AccessLog start() {
    return start(LoggerFactory.getLogger("dev.vial.server.access"), DEFAULT_CAPACITY);
  }

  /** Starts a writer for {@code logger} with room for {@code capacity} waiting lines. */
  static AccessLog start(Logger logger, int capacity) {
    AccessLog log = new AccessLog(logger, capacity);
    log.writer.start();
    try {
      Runtime.getRuntime().addShutdownHook(log.shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting: close() still flushes.
    }
    return log;
  }

  /** Logs the line for one answered request, unless the logger is above INFO. Never blocks on the output. */
  void record(String method, String rawPath, String rawQuery, int status, long bytes, long startNanos,
      String requestId) {
    if (!logger.isInfoEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    StringBuilder text = new StringBuilder(64).append(method).append(' ').append(rawPath);
    if (rawQuery != null) {
      text.append('?').append(rawQuery);
    }
    text.append(' ').append(status).append(' ').append(bytes).append("B ").append(millis).append("ms id=")
        .append(requestId);
    Line line = new Line(text.toString(), requestId);
    if (closed) {
      write(line);
      return;
    }
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    queue.offer(line);
    if (closed) {
      drain(); // close() may have drained just before this offer: write it here rather than lose it
    } else if (sleeping) {
      LockSupport.unpark(writer);
    }
  }

  /** Lines dropped because the queue was full, not yet reported. */
  long droppedUnreported() {
    return dropped.get();
  }

  /**
   * Writes every queued line and stops the writer; waits up to 10 s for a stalled output, after which
   * lines still queued stay with the writer thread (a daemon). Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(writer);
    if (writer.isAlive() && Thread.currentThread() != writer) {
      try {
        writer.join(CLOSE_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // Hooks are running already; this one only repeats the close.
      }
    }
  }

  private void runWriter() {
    int idleBatches = 0;
    while (!closed) {
      idleBatches = drain() ? 0 : idleBatches + 1;
      if (idleBatches < IDLE_BATCHES_BEFORE_SLEEP) {
        LockSupport.parkNanos(this, BATCH_PAUSE_NANOS);
      } else {
        // Announce the sleep before the last look, and record() offers before it reads `sleeping`:
        // one of the two sees the other, so no line waits for a wake-up that never comes.
        sleeping = true;
        if (queue.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        sleeping = false;
        idleBatches = 0;
      }
    }
    drain();
  }

  /** Writes what is queued, in order; whether there was anything. */
  private boolean drain() {
    synchronized (writing) {
      boolean any = false;
      for (Line line = queue.poll(); line != null; line = queue.poll()) {
        queued.decrementAndGet();
        write(line);
        any = true;
      }
      long lost = dropped.getAndSet(0);
      if (lost > 0) {
        logger.warn("{} access lines dropped: the log output was slower than the requests ({} lines were waiting)",
            lost, capacity);
      }
      return any;
    }
  }

  private void write(Line line) {
    MDC.put(RequestIds.MDC_KEY, line.requestId());
    try {
      logger.info(line.text());
    } catch (RuntimeException brokenBinding) {
      // A failing appender must not end the writer; the binding reports its own failures.
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }

  private static final class Writer implements Runnable {
    private final AccessLog log;

    Writer(AccessLog log) {
      this.log = log;
    }

    @Override
    public void run() {
      log.runWriter();
    }
  }

  private static final class Closer implements Runnable {
    private final AccessLog log;

    Closer(AccessLog log) {
      this.log = log;
    }

    @Override
    public void run() {
      log.close();
    }
  }
}
