package dev.vial.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Sets the JDK server's {@code sun.net.httpserver.*} (and {@code jdk.httpserver.maxConnections}) system properties from {@link ServerOptions}.
 *
 * <p>The JDK reads these properties once per JVM, in a static initializer that runs when the first
 * {@code HttpServer} is created; later changes have no effect. So they are set just before Vial's
 * first server is created, and only those the user has not set: {@code -Dsun.net.httpserver.X=...}
 * on the command line always wins. A later server in the same JVM with other options keeps the
 * first one's values; that is reported, not hidden.
 *
 * <p>Why each one (all measured on JDK 17):
 * <ul>
 *   <li>{@code nodelay=true}: the JDK writes the response head and body in separate writes; with
 *       Nagle's algorithm on (the JDK default) the body waits for the client's delayed ACK, which
 *       makes keep-alive requests an order of magnitude slower.
 *   <li>{@code maxReqTime}: the JDK reads request heads and bodies on a worker with no deadline, so
 *       a client dribbling bytes holds a worker forever; this closes such connections.
 *   <li>{@code maxRspTime}: the same for a response a client never reads (and handlers that never finish).
 *   <li>{@code idleInterval}, {@code clockTick}: how long idle and newly accepted silent connections
 *       live, and how often (1 s instead of 10 s) the JDK checks them.
 *   <li>{@code maxReqHeaderSize}: the JDK's own hard cut (about 380 KiB by default) is set to twice
 *       {@link ServerOptions#maxHeaderBytes()}; Vial answers 431 itself below that.
 *   <li>{@code maxIdleConnections}: how many idle keep-alive connections stay open.
 *   <li>{@code drainAmount=0}: after a refused body (413) the JDK would otherwise read up to 64 KiB of
 *       it before closing; Vial always reads accepted bodies to the end, so nothing else drains.
 *   <li>{@code jdk.httpserver.maxConnections}: connections beyond {@link ServerOptions#maxConnections()}
 *       are closed when accepted, so slow clients cannot make the elastic worker pool grow without bound.
 * </ul>
 */
final class JdkServerTuning {

  static final String PREFIX = "sun.net.httpserver.";
  /** The one property under another prefix (JDK 17.0.8 and later; older JDKs ignore it and the worker pool's own cap applies). */
  static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

  /** The tuning of this JVM's system properties. */
  static final JdkServerTuning SYSTEM = new JdkServerTuning(System.getProperties());

  /** What one {@link #apply} did: properties it set, and wanted values that did not take effect. */
  record Outcome(Map<String, String> set, List<String> userSet, List<String> keptFromEarlierServer) {}

  private final Properties target;
  private final Set<String> setByVial = new HashSet<>();

  JdkServerTuning(Properties target) {
    this.target = target;
  }

  /** The property values (full names) that {@code options} asks for, in a stable order. */
  static Map<String, String> desired(ServerOptions options) {
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put(PREFIX + "nodelay", "true");
    wanted.put(PREFIX + "maxReqTime", Long.toString(seconds(options.readTimeout())));
    wanted.put(PREFIX + "maxRspTime",
        options.responseTimeout().isZero() ? "-1" : Long.toString(seconds(options.responseTimeout())));
    wanted.put(PREFIX + "idleInterval", Long.toString(seconds(options.idleTimeout())));
    wanted.put(PREFIX + "clockTick", "1000");
    wanted.put(PREFIX + "maxReqHeaderSize", Integer.toString(2 * options.maxHeaderBytes()));
    wanted.put(PREFIX + "maxIdleConnections", Integer.toString(options.maxIdleConnections()));
    wanted.put(PREFIX + "drainAmount", "0");
    wanted.put(MAX_CONNECTIONS, Integer.toString(options.maxConnections()));
    return wanted;
  }

  /** Sets every wanted property that is still unset; reports the ones that keep another value. */
  synchronized Outcome apply(ServerOptions options) {
    Map<String, String> set = new LinkedHashMap<>();
    List<String> userSet = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, String> wanted : desired(options).entrySet()) { // a loop, not a lambda: start path
      String name = wanted.getKey();
      String value = wanted.getValue();
      String current = target.getProperty(name);
      if (current == null) {
        target.setProperty(name, value);
        setByVial.add(name);
        set.put(name, value);
      } else if (!current.equals(value)) {
        (setByVial.contains(name) ? kept : userSet).add(name + "=" + current + " (options ask for " + value + ")");
      }
    }
    return new Outcome(set, userSet, kept);
  }

  /** Whole seconds, rounded up: the JDK's timeouts count in seconds. */
  static long seconds(Duration duration) {
    long whole = duration.getSeconds();
    return duration.getNano() > 0 ? whole + 1 : whole;
  }
}
