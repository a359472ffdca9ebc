package dev.vial.server;

/** Counts requests being handled, so a graceful stop can wait for the last one. */
final class InFlight {

  private int count;

  synchronized void begin() {
    count++;
  }

  synchronized void end() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  synchronized int count() {
    return count;
  }

  /** Waits until no request is in flight or {@code deadlineNanos} (a {@link System#nanoTime()} value) passes. */
  synchronized boolean awaitNone(long deadlineNanos) throws InterruptedException {
    while (count > 0) {
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
