package dev.vial.server;

import dev.vial.App;
import dev.vial.RouteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * Serves a Vial {@link App} over HTTP/1.1 on a socket of its own, with no dependency beyond the JDK.
 * Meant for local development, and fit to serve real traffic.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   App app = new App();
 *   app.get("/", req -> ok("hello"));
 *   LocalServer.serve(app, args);      // --port 9000, --host 0.0.0.0, or env PORT
 * }
 * }</pre>
 *
 * <p>How it serves: an acceptor thread hands each connection to a thread of its own (a virtual thread
 * on Java 21+, otherwise a pooled platform thread; see {@link WorkerPool}), which reads request heads
 * with the server's own strict HTTP/1.1 parser ({@code dev.vial.server.http1}), asks the app and writes
 * the answer, for as long as the connection is kept alive. Blocking reads on a thread per connection
 * make no hand-off between threads per request; deadlines ({@link Connections}) close connections
 * whose client is too slow, so a slow client holds only its own thread and never locks others out.
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
    InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("Cannot resolve host '" + options.host() + "'");
    }
    ServerSocket listener = listen(address, options);
    InFlight inFlight = new InFlight();
    ExecutorService workers = WorkerPool.create(options);
    AccessLog accessLog = options.accessLog() ? AccessLog.start() : AccessLog.start(NOPLogger.NOP_LOGGER, 1);
    Connections connections = new Connections(options.maxConnections(), options.maxIdleConnections());
    Exchange exchange = new Exchange(app, options, inFlight, accessLog, connections);
    Thread acceptor = new Thread(new Acceptor(listener, workers, exchange, connections, options), "vial-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    RunningServer running = new RunningServer(listener, workers, connections, inFlight, options.shutdownGrace(),
        options.host(), accessLog);
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

  private static ServerSocket listen(InetSocketAddress address, ServerOptions options) {
    ServerSocket listener = null;
    try {
      listener = new ServerSocket();
      listener.bind(address, BACKLOG);
      return listener;
    } catch (BindException e) {
      closeQuietly(listener);
      throw new IllegalStateException("Cannot listen on " + options.host() + ":" + options.port() + " ("
          + e.getMessage() + "); is another server using it? Pick another port with --port N or PORT=N (0 picks a free one)", e);
    } catch (IOException e) {
      closeQuietly(listener);
      throw new UncheckedIOException("Cannot start the server on " + options.host() + ":" + options.port(), e);
    }
  }

  private static void closeQuietly(ServerSocket listener) {
    if (listener != null) {
      try {
        listener.close();
      } catch (IOException ignored) {
        // it never listened
      }
    }
  }
}
