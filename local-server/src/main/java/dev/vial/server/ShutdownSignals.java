package dev.vial.server;

import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM (container stop) and SIGINT (Ctrl-C) into a graceful stop and a clean exit.
 *
 * <p>A plain shutdown hook cannot do that alone: a JVM ended by a signal exits with 128 + the signal
 * number whatever the hooks do. So the signals get handlers ({@code sun.misc.Signal}, in the
 * {@code jdk.unsupported} module that every JDK ships) that stop the server and let
 * {@link LocalServer#serve} exit with 0; a second signal during the grace period exits at once
 * with 130. A shutdown hook still stops the server gracefully when the JVM ends any other way.
 */
final class ShutdownSignals {

  private ShutdownSignals() {}

  static void install(RunningServer server) {
    // A named class, not lambdas: the server's start path spins up no lambda classes of its own.
    Stopper stopper = new Stopper(server);
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), stopper);
      } catch (IllegalArgumentException unsupportedHere) {
        // The platform has no such signal (or the JVM reserves it): the shutdown hook still applies.
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stopper, "vial-shutdown"));
  }

  /** Stops the server on a signal or at JVM exit; a signal during the grace period halts at once. */
  private static final class Stopper implements SignalHandler, Runnable {
    private final RunningServer server;

    Stopper(RunningServer server) {
      this.server = server;
    }

    @Override
    public void handle(Signal signal) {
      if (server.isClosed()) {
        Runtime.getRuntime().halt(130);
      }
      server.close();
    }

    @Override
    public void run() {
      server.close();
    }
  }
}
