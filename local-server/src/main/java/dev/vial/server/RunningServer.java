package dev.vial.server;

import java.io.IOException;
import java.net.ServerSocket;
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

  private final ServerSocket listener;
  private final ExecutorService workers;
  private final Connections connections;
  private final InFlight inFlight;
  private final AccessLog accessLog;
  private final Duration grace;
  private final String url;
  private final int port;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  RunningServer(ServerSocket listener, ExecutorService workers, Connections connections, InFlight inFlight,
      Duration grace, String host, AccessLog accessLog) {
    this.listener = listener;
    this.connections = connections;
    this.accessLog = accessLog;
    this.workers = workers;
    this.inFlight = inFlight;
    this.grace = grace;
    this.port = listener.getLocalPort();
    this.url = "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** The server's connections, for tests that look at the accepted sockets. */
  Connections connections() {
    return connections;
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
      closeListener();
      connections.stopAccepting();
      boolean drained = inFlight.awaitNone(System.nanoTime() + grace.toNanos());
      if (!drained) {
        log.warn("{} request(s) still running after the {} ms shutdown grace period; closing their connections",
            inFlight.count(), grace.toMillis());
      }
      connections.close();
      workers.shutdown();
      if (!workers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      connections.close();
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      accessLog.close(); // every queued access line is written before close() returns
      stopped.countDown();
    }
  }

  private void closeListener() {
    try {
      listener.close();
    } catch (IOException e) {
      log.debug("Closing the listening socket failed: {}", e.toString());
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
