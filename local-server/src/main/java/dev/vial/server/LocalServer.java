package dev.vial.server;

import com.sun.net.httpserver.HttpServer;
import dev.vial.App;
import dev.vial.RouteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a Vial {@link App} over HTTP/1.1 on the JDK's built-in server ({@code com.sun.net.httpserver}),
 * with no other dependency. Meant for local development and simple deployments.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   App app = new App();
 *   app.get("/", req -> ok("hello"));
 *   LocalServer.serve(app, args);      // --port 9000, --host 0.0.0.0, or env PORT
 * }
 * }</pre>
 *
 * <p>Before the first server is created, Vial sets the JDK server's {@code sun.net.httpserver.*}
 * system properties that the user has not set (TCP_NODELAY, read/response/idle timeouts, header size
 * limit, idle connection limit, no draining of refused bodies; see {@link ServerOptions}). The JDK
 * reads them once per JVM: the first server's options fix them for every later server, and a JDK
 * {@code HttpServer} created by other code before Vial's first one fixes the JDK defaults instead.
 *
 * <p>Limits of the JDK server that remain: it answers {@code Expect: 100-continue} itself before
 * Vial sees the request (so an oversize body still gets {@code 100 Continue}, then 413); a request
 * head over twice {@link ServerOptions#maxHeaderBytes()} or with more than 200 fields gets the
 * connection closed without an answer; chunked request trailers are refused.
 */
public final class LocalServer {

  private static final Logger log = LoggerFactory.getLogger(LocalServer.class);
  private static final int BACKLOG = 512;

  private LocalServer() {}

  /**
   * Starts serving {@code app} and returns at once.
   *
   * @throws IllegalStateException when the address is in use or cannot be bound
   * @throws IllegalArgumentException when the host cannot be resolved
   */
  public static RunningServer start(App app, ServerOptions options) {
    if (app == null || options == null) {
      throw new IllegalArgumentException("app and options must not be null");
    }
    tuneJdkServer(options);
    InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("Cannot resolve host '" + options.host() + "'");
    }
    HttpServer server;
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (BindException e) {
      throw new IllegalStateException("Cannot listen on " + options.host() + ":" + options.port() + " ("
          + e.getMessage() + "); is another server using it? Pick another port with --port N or PORT=N (0 picks a free one)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the server on " + options.host() + ":" + options.port(), e);
    }
    InFlight inFlight = new InFlight();
    ExecutorService workers = WorkerPool.create(options);
    server.createContext("/", new ExchangeBridge(app, options, inFlight));
    server.setExecutor(workers);
    server.start();
    RunningServer running = new RunningServer(server, workers, inFlight, options.shutdownGrace(), options.host());
    log.info("Vial listening on {} ({})", running.url(), WorkerPool.describe(options));
    return running;
  }

  /**
   * The whole {@code main} of a Vial app: reads {@link ServerOptions#fromArgs options} from
   * {@code args} and the environment, starts, prints the URL and the route table, and blocks.
   * SIGTERM or Ctrl-C stop it gracefully and exit the JVM with status 0. Bad arguments print a
   * message to standard error and exit with 2; a port in use exits with 1.
   */
  public static void serve(App app, String[] args) {
    serve(app, args, UnaryOperator.identity(), url -> null, app.routes());
  }

  /**
   * Like {@link #serve(App, String[])}, for an app that stands in front of another, such as an emulated
   * API Gateway before a Lambda handler: {@code adjust} changes the options read from {@code args}, the
   * banner adds {@code note} (given the server's URL; {@code null} for none) and lists {@code routes},
   * the routes of the app behind.
   */
  public static void serve(App app, String[] args, UnaryOperator<ServerOptions> adjust,
      Function<String, String> note, List<RouteInfo> routes) {
    RunningServer running;
    try {
      running = start(app, adjust.apply(ServerOptions.fromArgs(args, System.getenv())));
    } catch (IllegalArgumentException e) {
      System.err.println("vial: " + e.getMessage());
      System.exit(2);
      return;
    } catch (IllegalStateException | UncheckedIOException e) {
      System.err.println("vial: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.print(Banner.render(running.url(), routes, note.apply(running.url())));
    System.out.flush();
    ShutdownSignals.install(running);
    try {
      running.awaitStop();
    } catch (InterruptedException e) {
      running.close();
    }
    System.exit(0);
  }

  private static void tuneJdkServer(ServerOptions options) {
    JdkServerTuning.Outcome outcome = JdkServerTuning.SYSTEM.apply(options);
    if (!outcome.set().isEmpty()) {
      log.debug("Set JDK server properties {}", outcome.set());
    }
    if (!outcome.userSet().isEmpty()) {
      log.info("JDK server properties set by the user take precedence: {}", outcome.userSet());
    }
    if (!outcome.keptFromEarlierServer().isEmpty()) {
      log.warn("The JDK reads sun.net.httpserver.* once per JVM; this server keeps the first server's {}",
          outcome.keptFromEarlierServer());
    }
  }
}
