package dev.vial.server;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the JDK server hands each exchange to: a virtual thread per exchange where the JVM has
 * them (Java 21+), otherwise an elastic pool of daemon platform threads.
 *
 * <p>Why elastic: the JDK's dispatcher hands an exchange to this executor as soon as the connection's
 * first byte arrives, and the task then reads the request head in blocking mode. A client that sends
 * its head one byte every few seconds therefore holds its thread until the read timeout closes it, and
 * Vial's handler only starts after the head (and, in {@link ExchangeBridge}, the body) has been read.
 * With a fixed pool of {@code workerThreads}, as many slow clients as threads lock everyone else out
 * (measured: 40 dribbling connections, 0 of 50 normal requests answered in 20 s). So the threads are
 * not the bound: every exchange gets one (reusing idle ones), and {@link HandlerSlots} bounds only the
 * app's handlers. A thread blocked in a socket read costs a stack that is mostly reserved, not used,
 * and no CPU; {@link ServerOptions#maxConnections()} caps how many can exist (the JDK closes
 * connections beyond it at accept, and the pool refuses an exchange beyond it, which the JDK answers by
 * closing that connection). The alternative, an engine of Vial's own that reads heads with NIO and
 * holds no thread at all, would replace the JDK's request parser; the elastic pool keeps it.
 *
 * <p>Vial compiles for Java 17, where {@code Executors.newVirtualThreadPerTaskExecutor()} does not
 * exist, so it is looked up once, when this class loads, with a method handle; requests never pay
 * for the lookup.
 */
final class WorkerPool {

  private static final MethodHandle NEW_VIRTUAL_EXECUTOR = findVirtualExecutorFactory();
  /** How long an idle platform thread waits for the next exchange before it ends. */
  private static final long IDLE_SECONDS = 30;

  private WorkerPool() {}

  /** Whether this JVM can run requests on virtual threads. */
  static boolean virtualThreadsAvailable() {
    return NEW_VIRTUAL_EXECUTOR != null;
  }

  /** Whether a server with {@code options} runs its exchanges on virtual threads in this JVM. */
  static boolean usesVirtualThreads(ServerOptions options) {
    return options.virtualThreads() && NEW_VIRTUAL_EXECUTOR != null;
  }

  /** A new executor for {@code options}; the caller shuts it down. */
  static ExecutorService create(ServerOptions options) {
    if (usesVirtualThreads(options)) {
      try {
        return (ExecutorService) NEW_VIRTUAL_EXECUTOR.invoke();
      } catch (Throwable e) {
        throw new IllegalStateException("Could not create the virtual thread executor", e);
      }
    }
    // No queue: an exchange goes to an idle thread or a new one, never waits behind a slow client.
    return new ThreadPoolExecutor(0, options.maxConnections(), IDLE_SECONDS, TimeUnit.SECONDS,
        new SynchronousQueue<>(), new DaemonThreads());
  }

  /** A description for the startup log, e.g. {@code "virtual threads"} or {@code "16 handler threads"}. */
  static String describe(ServerOptions options) {
    return usesVirtualThreads(options)
        ? "virtual threads"
        : options.workerThreads() + " handlers at once on platform threads";
  }

  private static MethodHandle findVirtualExecutorFactory() {
    try {
      return MethodHandles.publicLookup().findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
          MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "vial-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
