package dev.vial.launcher;

import dev.vial.App;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev-mode reload: keeps the app built from the newest classes in the watched directories. Each build
 * loads the app's classes in a new {@link ChildFirstLoader} and runs its {@code main} in capture mode
 * ({@link AppCapture}) to get the app factory it passes to {@link Launcher#run}; nothing else of the
 * old build is kept, so its loader can be collected. A build that fails (the factory or a static
 * initialiser throws, a class is half-written) is logged and the previous app keeps serving.
 *
 * <p>Reflection is used only here, once per build, never per request.
 */
final class Reloader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Reloader.class);

  /** One build: the app and the loader its classes came from. */
  private record Build(App app, ClassLoader loader) {}

  private final String mainClassName;
  private final List<Path> classesDirectories;
  private final String[] args;
  private final ClassLoader parent;
  private final UnaryOperator<App> prepare;
  private final AtomicLong changes = new AtomicLong();
  private final ClassesWatcher watcher;
  private volatile long builtFor;
  private volatile Build current;
  private volatile Throwable lastFailure;

  /**
   * Builds the first app (its failure is thrown) and starts watching.
   *
   * @param prepare applied to every freshly built app before it serves (e.g. installs the debug page)
   */
  Reloader(String mainClassName, List<Path> classesDirectories, String[] args, ClassLoader parent,
      UnaryOperator<App> prepare, Duration quiet) {
    this.mainClassName = mainClassName;
    this.classesDirectories = List.copyOf(classesDirectories);
    this.args = args.clone();
    this.parent = parent;
    this.prepare = prepare;
    this.current = build();
    try {
      this.watcher = new ClassesWatcher(this.classesDirectories, quiet, this::changed);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot watch " + classesDirectories, e);
    }
    watcher.start();
  }

  /** The app for the next request: rebuilt first if the classes changed since the last build. */
  App app() {
    if (changes.get() != builtFor) {
      reload();
    }
    return current.app();
  }

  /** Why the last rebuild failed, or {@code null} when it succeeded. */
  Throwable lastFailure() {
    return lastFailure;
  }

  /** The loader of the app now serving, for tests that check old ones are released. */
  ClassLoader loader() {
    return current.loader();
  }

  /** Called by the watcher once a burst of changes went quiet: rebuilds at once, before a request waits for it. */
  private void changed() {
    changes.incrementAndGet();
    reload();
  }

  private synchronized void reload() {
    long seen = changes.get();
    if (seen == builtFor) {
      return;
    }
    long start = System.nanoTime();
    try {
      current = build();
      lastFailure = null;
      log.info("Reloaded {} in {} ms", mainClassName, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException | LinkageError e) {
      lastFailure = e;
      log.error("Reload failed, still serving the previous version: {}", e.toString(), e);
    } finally {
      builtFor = seen;
    }
  }

  private Build build() {
    ChildFirstLoader loader = new ChildFirstLoader(urls(classesDirectories), parent);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Method main = Class.forName(mainClassName, true, loader).getMethod("main", String[].class);
      Supplier<App> factory = AppCapture.capture(() -> invoke(main));
      if (factory == null) {
        throw new IllegalStateException(mainClassName + ".main did not call Launcher.run");
      }
      App app = factory.get();
      if (app == null) {
        throw new IllegalStateException("The app factory of " + mainClassName + " returned null");
      }
      return new Build(prepare.apply(app), loader);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("Cannot load " + mainClassName + ".main(String[]): " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private void invoke(Method main) {
    try {
      main.invoke(null, (Object) args.clone());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(mainClassName + ".main failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(mainClassName + ".main is not public", e);
    }
  }

  private static URL[] urls(List<Path> directories) {
    URL[] urls = new URL[directories.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = directories.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Not a usable classes directory: " + directories.get(i), e);
      }
    }
    return urls;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
