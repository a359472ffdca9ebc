package dev.vial.server;

import com.sun.net.httpserver.HttpServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started {@link LocalServer}: where it listens, and how to stop it. Closing is graceful and
 * idempotent; it is safe from any thread, a shutdown hook included.
 */
public final class RunningServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunningServer.class);

  private final HttpServer server;
  private final ExecutorService workers;
  private final InFlight inFlight;
  private final AccessLog accessLog;
  private final Duration grace;
  private final String url;
  private final int port;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** The JDK server, for tests that check what the JDK did with its properties. */
  HttpServer httpServer() {
    return server;
  }

  RunningServer(HttpServer server, ExecutorService workers, InFlight inFlight, Duration grace, String host,
      AccessLog accessLog) {
    this.server = server;
    this.accessLog = accessLog;
    this.workers = workers;
    this.inFlight = inFlight;
    this.grace = grace;
    this.port = server.getAddress().getPort();
    this.url = "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** The port the server is bound to: the real one when the options asked for {@code 0}. */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}, without a trailing slash. */
  public String url() {
    return url;
  }

  /** Whether {@link #close()} has started. */
  public boolean isClosed() {
    return closing.get();
  }

  /** Blocks until the server has stopped (after {@link #close()} returns in some thread). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully: new connections are refused at once, requests in flight get up to
   * {@link ServerOptions#shutdownGrace()} to finish, then every connection is closed and handlers
   * still running are interrupted. Returns when the server has stopped and every access line has been
   * handed to the logger; a second call just waits.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    try {
      // HttpServer.stop(delay) closes the listening socket at once but, on JDK 17, waits out the
      // whole delay when nothing is in flight. So it waits in the background while Vial watches
      // its own count, then a stop(0) ends both as soon as the last request is done.
      Thread stopper = new Thread(() -> server.stop((int) JdkServerTuning.seconds(grace) + 1), "vial-stop");
      stopper.setDaemon(true);
      stopper.start();
      boolean drained = inFlight.awaitNone(System.nanoTime() + grace.toNanos());
      if (!drained) {
        log.warn("{} request(s) still running after the {} ms shutdown grace period; closing their connections",
            inFlight.count(), grace.toMillis());
      }
      server.stop(0);
      stopper.join(2000);
      workers.shutdown();
      if (!workers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.stop(0);
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      accessLog.close(); // every queued access line is written before close() returns
      stopped.countDown();
    }
  }

  private void awaitQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "RunningServer[" + url + "]";
  }
}
