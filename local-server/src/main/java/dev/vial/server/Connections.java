package dev.vial.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's open connections: how many there are, how many sit idle between requests, and a
 * watchman thread ({@code vial-deadlines}) that closes every connection whose deadline has passed
 * (a head or body arriving too slowly, a keep-alive connection silent too long, a response the client
 * does not read). One thread looking at every connection a few times a second costs far less than a
 * timer per read, and a closed socket frees a thread blocked on it at once.
 */
final class Connections implements AutoCloseable {

  /** What the registry needs of an open connection. */
  interface Member {
    /** Whether it waits for a request with nothing of one received: safe to close at a stop. */
    boolean isWaiting();

    /** Why it is overdue at {@code now} (a {@link System#nanoTime()} value), or {@code null}. */
    String overdue(long now);

    /** Closes its socket; {@code reason} is logged when given. */
    void close(String reason);
  }

  /** How often deadlines are checked; a timeout may run this much over. */
  static final Duration TICK = Duration.ofMillis(250);

  private final Set<Member> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger idle = new AtomicInteger();
  private final int maxConnections;
  private final int maxIdle;
  private final Thread watchman;
  private volatile boolean stopping;

  Connections(int maxConnections, int maxIdle) {
    this.maxConnections = maxConnections;
    this.maxIdle = maxIdle;
    this.watchman = new Thread(new Watchman(this), "vial-deadlines");
    watchman.setDaemon(true);
    watchman.start();
  }

  /** Registers {@code connection}; false when the server is at {@link ServerOptions#maxConnections()} or stopping. */
  boolean admit(Member connection) {
    if (stopping || open.size() >= maxConnections) {
      return false;
    }
    open.add(connection);
    return true;
  }

  void remove(Member connection) {
    open.remove(connection);
  }

  /** The connections open now. */
  java.util.List<Member> open() {
    return java.util.List.copyOf(open);
  }

  int count() {
    return open.size();
  }

  /** Takes an idle place for a connection about to wait for its next request; false when none is left. */
  boolean reserveIdle() {
    if (idle.incrementAndGet() > maxIdle) {
      idle.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back a place taken by {@link #reserveIdle()}. */
  void releaseIdle() {
    idle.decrementAndGet();
  }

  /** Whether a stop has begun: connections finish their request and close. */
  boolean stopping() {
    return stopping;
  }

  /** Begins a stop: no new connections; those waiting for a request are closed now. */
  void stopAccepting() {
    stopping = true;
    for (Member connection : open) {
      if (connection.isWaiting()) {
        connection.close("the server is stopping");
      }
    }
  }

  /** Closes every connection still open, and stops the watchman. */
  @Override
  public void close() {
    stopping = true;
    watchman.interrupt();
    for (Member connection : open) {
      connection.close("the server stopped");
    }
  }

  private void checkDeadlines() {
    long now = System.nanoTime();
    for (Member connection : open) {
      String overdue = connection.overdue(now);
      if (overdue != null) {
        connection.close(overdue);
      }
    }
  }

  private static final class Watchman implements Runnable {
    private final Connections connections;

    Watchman(Connections connections) {
      this.connections = connections;
    }

    @Override
    public void run() {
      while (!connections.stopping || !connections.open.isEmpty()) {
        try {
          Thread.sleep(TICK.toMillis());
        } catch (InterruptedException stopped) {
          return;
        }
        connections.checkDeadlines();
      }
    }
  }
}
