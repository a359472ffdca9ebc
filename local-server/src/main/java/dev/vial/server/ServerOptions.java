package dev.vial.server;

import java.time.Duration;
import java.util.Map;

/**
 * How {@link LocalServer} listens and protects itself. Immutable; start from {@link #defaults()} and
 * adjust with the {@code with...} methods, or read the command line with {@link #fromArgs(String[], Map)}.
 *
 * <p>Every option applies to its own server: two servers in one JVM can have different limits. The
 * timeouts are checked four times a second, so one may run up to 250 ms over.
 *
 * @param port TCP port; default {@code 8080}, env {@code PORT}, arg {@code --port N}; {@code 0} picks a free port
 * @param host address to bind; default {@code 127.0.0.1} (this machine only), arg {@code --host 0.0.0.0} to opt in to every interface
 * @param maxBodyBytes largest request body accepted, larger answers 413; default 6 MiB, like AWS Lambda's payload limit
 * @param maxHeaderBytes largest request head (request line and header fields as sent) answered normally, larger answers 431
 *     as soon as this many bytes have arrived without the head's end; default 64 KiB. More than 200 fields also answer 431
 * @param readTimeout longest time from a request's first byte (or its wait for a worker) to its last body byte, then the connection is closed; default 30 s
 * @param idleTimeout how long a keep-alive connection, or a new one that has sent nothing yet, may stay silent; default 30 s
 * @param responseTimeout longest time from the end of the request to the end of the response (handler plus writing), then the connection is closed;
 *     default 120 s, generous so a paused debugger is not cut off at once; {@link Duration#ZERO} means no limit
 * @param workerThreads how many handlers run at once on platform threads (Java 17, or {@code virtualThreads} off); default {@code max(16, 4 × cores)};
 *     unused with virtual threads. Only the app's handler counts: reading a request head or body, and writing the response, take no slot
 * @param virtualThreads run each connection on a virtual thread when the JVM has them (Java 21+); default {@code true}
 * @param maxIdleConnections keep-alive connections kept open while idle; the next connection that turns idle beyond this is closed; default 200
 * @param shutdownGrace how long {@link RunningServer#close()} lets in-flight requests finish; default 5 s
 * @param maxConnections open connections (idle ones included) the server keeps; a connection beyond this is closed as soon as it is accepted;
 *     default 1000. Every connection has a thread of its own, so on platform threads this also caps the threads
 * @param accessLog whether every answered request gets its INFO line on logger {@code dev.vial.server.access}; default {@code true}
 *     (dev mode on a terminal turns it off for its own compact line)
 */
public record ServerOptions(
    int port,
    String host,
    int maxBodyBytes,
    int maxHeaderBytes,
    Duration readTimeout,
    Duration idleTimeout,
    Duration responseTimeout,
    int workerThreads,
    boolean virtualThreads,
    int maxIdleConnections,
    Duration shutdownGrace,
    int maxConnections,
    boolean accessLog) {

  /** The port used when neither {@code --port} nor {@code PORT} says otherwise. */
  public static final int DEFAULT_PORT = 8080;

  /** The address bound by default: loopback, so nothing outside this machine can connect. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Validates every option. */
  public ServerOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("Host must not be empty");
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative, got " + maxBodyBytes);
    }
    if (maxHeaderBytes < 1024 || maxHeaderBytes > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("maxHeaderBytes must be between 1024 and " + Integer.MAX_VALUE / 2
          + ", got " + maxHeaderBytes);
    }
    requireTimeout("readTimeout", readTimeout, false);
    requireTimeout("idleTimeout", idleTimeout, false);
    requireTimeout("responseTimeout", responseTimeout, true);
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1, got " + workerThreads);
    }
    if (maxIdleConnections < 0) {
      throw new IllegalArgumentException("maxIdleConnections must not be negative, got " + maxIdleConnections);
    }
    if (shutdownGrace == null || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must be zero or positive, got " + shutdownGrace);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
    }
  }

  /** Every option at its default. */
  public static ServerOptions defaults() {
    return new ServerOptions(
        DEFAULT_PORT,
        DEFAULT_HOST,
        6 * 1024 * 1024,
        64 * 1024,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        Math.max(16, 4 * Runtime.getRuntime().availableProcessors()),
        true,
        200,
        Duration.ofSeconds(5),
        1000,
        true);
  }

  /**
   * The defaults, then the environment ({@code PORT}), then the arguments ({@code --port N},
   * {@code --host ADDR}, also as {@code --port=N}); later sources win. Unrelated arguments are ignored
   * so an app can have its own.
   *
   * @throws IllegalArgumentException with a message fit for the console, for a port that is not a
   *     number in 0..65535, an empty host, or an option without its value
   */
  public static ServerOptions fromArgs(String[] args, Map<String, String> env) {
    ServerOptions options = defaults();
    String envPort = env == null ? null : env.get("PORT");
    if (envPort != null && !envPort.isBlank()) {
      options = options.withPort(parsePort(envPort, "environment variable PORT"));
    }
    if (args == null) {
      return options;
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!name.equals("--port") && !name.equals("--host")) {
        continue;
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Option " + name + " needs a value, e.g. " + name
            + (name.equals("--port") ? " 8080" : " 0.0.0.0"));
      }
      if (name.equals("--port")) {
        options = options.withPort(parsePort(value, "--port"));
      } else {
        if (value.isBlank()) {
          throw new IllegalArgumentException("Option --host needs an address, e.g. --host 0.0.0.0");
        }
        options = options.withHost(value.trim());
      }
    }
    return options;
  }

  /** A copy listening on {@code port} ({@code 0}: any free port). */
  public ServerOptions withPort(int port) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy bound to {@code host}. */
  public ServerOptions withHost(String host) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy accepting request bodies up to {@code maxBodyBytes}. */
  public ServerOptions withMaxBodyBytes(int maxBodyBytes) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy accepting request heads up to {@code maxHeaderBytes}. */
  public ServerOptions withMaxHeaderBytes(int maxHeaderBytes) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy with another request read timeout. */
  public ServerOptions withReadTimeout(Duration readTimeout) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy with another idle connection timeout. */
  public ServerOptions withIdleTimeout(Duration idleTimeout) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy with another response timeout ({@link Duration#ZERO}: none). */
  public ServerOptions withResponseTimeout(Duration responseTimeout) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy with a pool of {@code workerThreads} platform threads. */
  public ServerOptions withWorkerThreads(int workerThreads) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy that does or does not use virtual threads where the JVM has them. */
  public ServerOptions withVirtualThreads(boolean virtualThreads) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy keeping at most {@code maxIdleConnections} idle keep-alive connections. */
  public ServerOptions withMaxIdleConnections(int maxIdleConnections) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy with another shutdown grace period. */
  public ServerOptions withShutdownGrace(Duration shutdownGrace) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy keeping at most {@code maxConnections} open connections. */
  public ServerOptions withMaxConnections(int maxConnections) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  /** A copy that does or does not write the access line of every request. */
  public ServerOptions withAccessLog(boolean accessLog) {
    return new ServerOptions(port, host, maxBodyBytes, maxHeaderBytes, readTimeout, idleTimeout, responseTimeout,
        workerThreads, virtualThreads, maxIdleConnections, shutdownGrace, maxConnections, accessLog);
  }

  private static int parsePort(String text, String source) {
    String trimmed = text.trim();
    int port;
    try {
      port = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid port in " + source + ": '" + text
          + "' is not a number (use 0..65535; 0 picks a free port)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Invalid port in " + source + ": " + port
          + " is out of range (use 0..65535; 0 picks a free port)");
    }
    return port;
  }

  private static void requireTimeout(String name, Duration value, boolean zeroAllowed) {
    if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "zero or positive" : "positive")
          + ", got " + value);
    }
  }
}
