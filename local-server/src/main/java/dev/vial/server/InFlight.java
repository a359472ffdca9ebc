package dev.vial.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being handled, so a graceful stop can wait for the last one. Every request counts
 * in and out, so that is a lock-free counter; only a waiting stop takes the monitor.
 */
final class InFlight {

  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean awaited;

  void begin() {
    count.incrementAndGet();
  }

  void end() {
    // The decrement comes before the read of `awaited`, and awaitNone writes `awaited` before it reads
    // the count, so one of the two always sees the other: no wake-up is lost.
    if (count.decrementAndGet() == 0 && awaited) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  int count() {
    return count.get();
  }

  /** Waits until no request is in flight or {@code deadlineNanos} (a {@link System#nanoTime()} value) passes. */
  synchronized boolean awaitNone(long deadlineNanos) throws InterruptedException {
    awaited = true;
    while (count.get() > 0) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return true;
  }
}
