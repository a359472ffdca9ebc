package dev.vial.launcher;

import dev.vial.App;
import dev.vial.RouteInfo;
import dev.vial.dev.DebugPage;
import dev.vial.server.LocalServer;
import dev.vial.server.ServerOptions;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.List;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --dev}: the local server for the edit-compile-refresh loop. When the app's classes come from a
 * directory (an IDE, {@code mvn compile}) a change to them makes the next request use a fresh app
 * ({@link Reloader}); from a jar, reload is off and the banner says so. When the server is bound to a
 * loopback address, errors answered to a browser get the {@link DebugPage}; on any other address it
 * stays off. Off unless {@code --dev} is given.
 */
final class DevMode {

  private static final Logger log = LoggerFactory.getLogger(DevMode.class);

  /** The flag that turns dev mode on. */
  static final String FLAG = "--dev";

  /** How long the classes must stay unchanged before a rebuild: a compiler writes many files in a burst. */
  static final Duration QUIET = Duration.ofMillis(100);

  private static final String STARTED = "dev.vial.launcher.started";

  /** What dev mode serves: the app in front, the banner note and the routes to list. */
  record Prepared(App app, String note, List<RouteInfo> routes, Reloader reloader, boolean ownAccessLine) {}

  private DevMode() {}

  /** Whether {@code args} ask for dev mode. */
  static boolean requested(String[] args) {
    for (String arg : args) {
      if (FLAG.equals(arg)) {
        return true;
      }
    }
    return false;
  }

  /** Serves like {@link LocalServer#serve(App, String[])}, in dev mode; never returns. */
  static void serve(String[] args, AppSource source, Class<?> mainClass) {
    Prepared dev;
    try {
      dev = prepare(args, source, mainClass, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("vial: " + e.getMessage());
      System.exit(2);
      return;
    } catch (RuntimeException | LinkageError e) {
      // The first build failed: there is no previous app to keep serving.
      log.error("Dev mode could not build the app", e);
      System.err.println("vial: dev mode could not build the app: " + e);
      System.exit(1);
      return;
    }
    // On a terminal dev mode prints its own compact line per request instead of the server's.
    LocalServer.serve(dev.app(), args, options -> options.withAccessLog(!dev.ownAccessLine()), url -> dev.note(),
        dev.routes());
  }

  /** Builds the app dev mode serves: reloading when {@code mainClass} comes from a directory. */
  static Prepared prepare(String[] args, AppSource source, Class<?> mainClass, Map<String, String> env) {
    ServerOptions options = ServerOptions.fromArgs(args, env);
    boolean loopback = isLoopback(options.host());
    String appPackage = mainClass.getPackageName();
    UnaryOperator<App> prepare = loopback ? app -> app.errorRenderer(new DebugPage(app, appPackage)) : app -> app;
    String debug = loopback ? "debug page on" : "debug page OFF (bound to " + options.host() + ", not loopback)";
    if (!loopback) {
      log.warn("Dev mode: the debug page is off because the server is bound to {}, not a loopback address",
          options.host());
    }
    DevAccessLine accessLine = DevAccessLine.forConsole(System.console() != null, env, System.out);
    Path classes = classesDirectory(mainClass);
    if (classes == null) {
      log.warn("Dev mode: reload is off because {} runs from a jar, not a classes directory", mainClass.getName());
      App app = prepare.apply(source.app().get());
      return new Prepared(front(() -> app, accessLine), "Dev mode: " + debug + "; reload OFF (the app runs from a jar; "
          + "run its Main from the IDE or target/classes to reload on recompile)", app.routes(), null, accessLine != null);
    }
    Reloader reloader = new Reloader(mainClass.getName(), List.of(classes), args, mainClass.getClassLoader(),
        prepare, QUIET);
    return new Prepared(front(reloader::app, accessLine),
        "Dev mode: " + debug + "; reload on (watching " + classes + ")", reloader.app().routes(), reloader,
        accessLine != null);
  }

  /**
   * The app the server keeps for its life: each request is handed to the current build, and, on a
   * terminal, answered with a compact coloured access line.
   */
  private static App front(Supplier<App> current, DevAccessLine accessLine) {
    App front = new App();
    if (accessLine != null) {
      front.before(req -> {
        req.attribute(STARTED, System.nanoTime());
        return null;
      });
    }
    front.before(req -> current.get().handle(req));
    if (accessLine != null) {
      front.after((req, res) -> {
        Long started = req.attribute(STARTED);
        long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        accessLine.print(LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), req.method(), req.rawPath(),
            req.rawQuery(), res.status(), millis);
        return res;
      });
    }
    return front;
  }

  /** The directory {@code type} was loaded from, or {@code null} for a jar or an unknown origin. */
  static Path classesDirectory(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.isDirectory(path) ? path : null;
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
