package dev.vial.server;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many app handlers run at once on platform threads: {@link ServerOptions#workerThreads()}.
 *
 * <p>The worker pool itself is elastic (see {@link WorkerPool}) so that clients slow to send their
 * head or body cannot use up the threads; the bound that protects the CPU and the app (its database
 * pool, its memory) is taken here, only around {@code App.handle}, after the whole request has been
 * read and before the response is written. Waiting for a slot counts towards the response timeout.
 * With virtual threads there is no bound, as with any virtual-thread-per-request server.
 */
final class HandlerSlots {

  private final Semaphore slots;

  private HandlerSlots(Semaphore slots) {
    this.slots = slots;
  }

  /** The slots for a server with {@code options} in this JVM. */
  static HandlerSlots of(ServerOptions options) {
    return WorkerPool.usesVirtualThreads(options)
        ? new HandlerSlots(null)
        : new HandlerSlots(new Semaphore(options.workerThreads()));
  }

  /** Waits for a free slot; pair with {@link #release()}. */
  void acquire() throws InterruptedException {
    if (slots != null) {
      slots.acquire();
    }
  }

  /** Gives back the slot taken by {@link #acquire()}. */
  void release() {
    if (slots != null) {
      slots.release();
    }
  }
}
