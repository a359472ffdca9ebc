package dev.vial.server;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that runs requests: a virtual thread per request where the JVM has them (Java 21+),
 * otherwise a bounded pool of daemon platform threads.
 *
 * <p>Vial compiles for Java 17, where {@code Executors.newVirtualThreadPerTaskExecutor()} does not
 * exist, so it is looked up once, when this class loads, with a method handle; requests never pay
 * for the lookup. With the platform pool, requests beyond the pool wait in an unbounded queue; the
 * read timeout counts that wait, so a flooded server sheds connections instead of growing.
 */
final class WorkerPool {

  private static final MethodHandle NEW_VIRTUAL_EXECUTOR = findVirtualExecutorFactory();

  private WorkerPool() {}

  /** Whether this JVM can run requests on virtual threads. */
  static boolean virtualThreadsAvailable() {
    return NEW_VIRTUAL_EXECUTOR != null;
  }

  /** A new executor for {@code options}; the caller shuts it down. */
  static ExecutorService create(ServerOptions options) {
    if (options.virtualThreads() && NEW_VIRTUAL_EXECUTOR != null) {
      try {
        return (ExecutorService) NEW_VIRTUAL_EXECUTOR.invoke();
      } catch (Throwable e) {
        throw new IllegalStateException("Could not create the virtual thread executor", e);
      }
    }
    int threads = options.workerThreads();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new DaemonThreads());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** A description for the startup log, e.g. {@code "virtual threads"} or {@code "16 worker threads"}. */
  static String describe(ServerOptions options) {
    return options.virtualThreads() && NEW_VIRTUAL_EXECUTOR != null
        ? "virtual threads"
        : options.workerThreads() + " worker threads";
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
