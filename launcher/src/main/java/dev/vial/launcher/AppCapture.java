package dev.vial.launcher;

import dev.vial.App;
import java.util.function.Supplier;

/**
 * How dev-mode reload gets the app factory out of a freshly loaded copy of the app's {@code main}: while
 * {@link #capture(Runnable)} runs that {@code main} on this thread, {@link Launcher#run} hands its app
 * factory here instead of serving. A thread-local (the one piece of static state) because {@code main}
 * takes nothing but its arguments; it is set only for the duration of one capture.
 */
final class AppCapture {

  private static final ThreadLocal<AppCapture> ACTIVE = new ThreadLocal<>();

  private Supplier<App> app;

  private AppCapture() {}

  /** Hands {@code app} to the capture running on this thread; {@code false} when none is running. */
  static boolean offer(Supplier<App> app) {
    AppCapture capture = ACTIVE.get();
    if (capture == null) {
      return false;
    }
    capture.app = app;
    return true;
  }

  /** Runs {@code main} and returns the app factory it passed to {@link Launcher#run}, or {@code null}. */
  static Supplier<App> capture(Runnable main) {
    AppCapture capture = new AppCapture();
    AppCapture outer = ACTIVE.get();
    ACTIVE.set(capture);
    try {
      main.run();
    } finally {
      if (outer == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(outer);
      }
    }
    return capture.app;
  }
}
