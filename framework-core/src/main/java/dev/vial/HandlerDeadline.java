package dev.vial;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The app's optional handler deadline ({@link App#deadline(Duration)}): runs a route handler on its own
 * thread and waits for it at most the deadline. On expiry the handler thread is interrupted and the
 * caller gets an {@link HttpException} 503, which the app answers through its error handlers.
 *
 * <p>Handler threads are virtual threads on Java 21+, otherwise daemon threads of a cached pool this
 * object owns. The caller's MDC (e.g. Lambda's {@code AWSRequestId}) is copied to the handler thread so
 * the handler's log lines keep it.
 */
final class HandlerDeadline {

  private static final Logger log = LoggerFactory.getLogger(App.class);

  /** {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+, {@code null} on 17; looked up once. */
  private static final MethodHandle VIRTUAL_THREAD_EXECUTOR = virtualThreadExecutorFactory();

  private final long nanos;
  private final long millis;
  private final ExecutorService executor;

  /** A deadline of {@code deadline} (at least 1 ms) on virtual threads when the JDK has them. */
  HandlerDeadline(Duration deadline) {
    this(deadline, newExecutor());
  }

  /** A deadline running handlers on {@code executor}. */
  HandlerDeadline(Duration deadline, ExecutorService executor) {
    this.nanos = saturatedNanos(deadline);
    this.millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    this.executor = executor;
  }

  /** Checks a deadline given to {@link App#deadline(Duration)}. */
  static void validate(Duration deadline) {
    if (deadline == null) {
      throw new IllegalArgumentException("Deadline must not be null");
    }
    if (deadline.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("Deadline must be at least 1 ms, got " + deadline);
    }
  }

  /**
   * Runs {@code handlerCall} for {@code req} and returns its response, or rethrows what it threw.
   *
   * @throws HttpException 503 when the deadline passed first (the handler thread is interrupted)
   * @throws InterruptedException when the calling thread was interrupted while waiting (the handler
   *     thread is interrupted too)
   */
  Response call(Callable<Response> handlerCall, Request req) throws Exception {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Future<Response> answer = executor.submit(() -> callWithMdc(handlerCall, mdc));
    try {
      return answer.get(nanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw failed;
    } catch (TimeoutException expired) {
      answer.cancel(true);
      log.warn("Handler for {} {} did not answer within its {} ms deadline; answering 503 and interrupting it",
          req.method(), req.rawPath(), millis);
      throw new HttpException(503);
    } catch (InterruptedException interrupted) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw interrupted;
    }
  }

  private static Response callWithMdc(Callable<Response> handlerCall, Map<String, String> mdc) throws Exception {
    if (mdc != null) {
      MDC.setContextMap(mdc);
    }
    try {
      return handlerCall.call();
    } finally {
      // pooled threads serve other requests next
      MDC.clear();
    }
  }

  /** A cached pool of daemon threads, for JDKs without virtual threads. */
  static ExecutorService platformThreadExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons = task -> {
      Thread thread = new Thread(task, "vial-handler-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return Executors.newCachedThreadPool(daemons);
  }

  private static ExecutorService newExecutor() {
    if (VIRTUAL_THREAD_EXECUTOR == null) {
      return platformThreadExecutor();
    }
    try {
      return (ExecutorService) VIRTUAL_THREAD_EXECUTOR.invokeExact();
    } catch (Throwable unavailable) {
      log.warn("Virtual threads are unavailable ({}); handler deadlines use platform threads", unavailable.toString());
      return platformThreadExecutor();
    }
  }

  private static MethodHandle virtualThreadExecutorFactory() {
    try {
      return MethodHandles.publicLookup().findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
          MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException java17) {
      return null;
    }
  }

  private static long saturatedNanos(Duration deadline) {
    try {
      return deadline.toNanos();
    } catch (ArithmeticException longerThanCenturies) {
      return Long.MAX_VALUE;
    }
  }
}
