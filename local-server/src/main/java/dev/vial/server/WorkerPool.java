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
 * The executor each connection runs on: a virtual thread per connection where the JVM has them
 * (Java 21+), otherwise an elastic pool of daemon platform threads.
 *
 * <p>Why a thread per connection: the connection's thread reads the request head, runs the handler
 * and writes the answer, with no hand-off between threads per request (the JDK's HttpServer, which Vial
 * used before, hands every exchange from its selector thread to a worker and the connection back).
 * Why elastic: a connection waiting for a slow client holds its thread, so a fixed pool would let as
 * many slow clients as threads lock everyone else out. So threads are not the bound: every connection
 * gets one (reusing idle ones), {@link HandlerSlots} bounds only the app's handlers, and deadlines
 * ({@link Connections}) end slow clients. A thread blocked in a socket read costs a stack that is mostly
 * reserved, not used, and no CPU; {@link ServerOptions#maxConnections()} caps how many exist.
 *
 * <p>Vial compiles for Java 17, where {@code Executors.newVirtualThreadPerTaskExecutor()} does not
 * exist, so it is looked up once, when this class loads, with a method handle; requests never pay
 * for the lookup.
 */
final class WorkerPool {

  private static final MethodHandle NEW_VIRTUAL_EXECUTOR = findVirtualExecutorFactory();
  /** How long an idle platform thread waits for the next connection before it ends. */
  private static final long IDLE_SECONDS = 30;

  private WorkerPool() {}

  /** Whether this JVM can run requests on virtual threads. */
  static boolean virtualThreadsAvailable() {
    return NEW_VIRTUAL_EXECUTOR != null;
  }

  /** Whether a server with {@code options} runs its connections on virtual threads in this JVM. */
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
    // No queue: a connection goes to an idle thread or a new one, never waits behind a slow client.
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
