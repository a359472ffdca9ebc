package dev.vial.server;

import dev.vial.Headers;
import dev.vial.Responses;
import dev.vial.server.http1.HttpDate;
import dev.vial.server.http1.ProtocolException;
import dev.vial.server.http1.RequestHead;
import dev.vial.server.http1.ResponseWriter;
import dev.vial.server.http1.WireInput;
import dev.vial.server.http1.WireOutput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served on one thread from its first byte to its close: reads a request head,
 * lets {@link Exchange} answer it, and does so again while the connection is kept alive. A thread
 * blocked in a read costs no CPU; what bounds a slow client is its deadline, which {@link Connections}
 * enforces by closing the socket:
 * <ul>
 *   <li>waiting for a request (new or kept alive): {@link ServerOptions#idleTimeout()};
 *   <li>from a request's first byte to its last body byte: {@link ServerOptions#readTimeout()}, however
 *       slowly the bytes come;
 *   <li>from the end of the request to the end of the response: {@link ServerOptions#responseTimeout()},
 *       counted again from each chunk a streaming response sends.
 * </ul>
 */
final class Connection implements Runnable, WireInput.Arrival, Exchange.Peer, Connections.Member {

  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final long NO_DEADLINE = Long.MIN_VALUE;
  /** How long a closing connection keeps reading what the client still sends, so it can read the answer. */
  static final Duration LINGER = Duration.ofSeconds(2);
  /** A closing connection reads at most this much of what the client still sends before it gives up. */
  private static final int MAX_LINGER_BYTES = 1024 * 1024;
  private static final int BUFFER_SIZE = 4096;
  /** Stands in for the request when its head could not be read: a refusal is written as to HTTP/1.1 GET. */
  private static final RequestHead UNREAD = new RequestHead("GET", "/", "/", null, false, Headers.empty());

  private enum Phase {
    WAITING("silent longer than the idle timeout"),
    READING("request not received within the read timeout"),
    RESPONDING("response not finished within the response timeout"),
    CLOSING("client did not close its side within " + LINGER.toSeconds() + " s of the last response");

    final String overdue;

    Phase(String overdue) {
      this.overdue = overdue;
    }
  }

  private final Socket socket;
  private final Exchange exchange;
  private final Connections connections;
  private final HttpDate date;
  private final int maxHeaderBytes;
  private final long idleNanos;
  private final long readNanos;
  private final long responseNanos;
  private final String remoteAddress;
  private volatile Phase phase = Phase.WAITING;
  private volatile long deadline = NO_DEADLINE;
  private boolean holdsIdlePlace;

  Connection(Socket socket, Exchange exchange, Connections connections, HttpDate date, ServerOptions options) {
    this.socket = socket;
    this.exchange = exchange;
    this.connections = connections;
    this.date = date;
    this.maxHeaderBytes = options.maxHeaderBytes();
    this.idleNanos = options.idleTimeout().toNanos();
    this.readNanos = options.readTimeout().toNanos();
    this.responseNanos = options.responseTimeout().toNanos();
    InetAddress remote = socket.getInetAddress();
    this.remoteAddress = remote == null ? null : remote.getHostAddress();
    enter(Phase.WAITING, idleNanos);
  }

  @Override
  public void run() {
    try {
      WireInput in = new WireInput(socket.getInputStream(), BUFFER_SIZE);
      ResponseWriter writer = new ResponseWriter(new WireOutput(socket.getOutputStream()), date, this::streamed);
      while (true) {
        enter(Phase.WAITING, idleNanos);
        if (connections.stopping()) { // read after `phase` is written: stopAccepting() sees one or the other
          return;
        }
        RequestHead head;
        try {
          head = in.readHead(maxHeaderBytes, this);
        } catch (ProtocolException refused) {
          refuse(writer, refused);
          closeAfterAnswer(in);
          return;
        }
        if (head == null) {
          return; // the client closed the connection
        }
        if (!exchange.serve(head, in, writer, this)) {
          closeAfterAnswer(in);
          return;
        }
      }
    } catch (IOException e) {
      log.debug("Connection from {} ended: {}", remoteAddress, e.toString());
    } finally {
      if (holdsIdlePlace) {
        connections.releaseIdle();
      }
      connections.remove(this);
      close(null);
    }
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  /** Whether Nagle's algorithm is off on this connection's socket. */
  boolean tcpNoDelay() throws java.net.SocketException {
    return socket.getTcpNoDelay();
  }

  @Override
  public void firstByte() {
    if (holdsIdlePlace) {
      holdsIdlePlace = false;
      connections.releaseIdle();
    }
    enter(Phase.READING, readNanos);
  }

  @Override
  public void responding() {
    enter(Phase.RESPONDING, responseNanos);
  }

  @Override
  public boolean reserveIdlePlace() {
    if (!holdsIdlePlace) {
      holdsIdlePlace = connections.reserveIdle();
    }
    return holdsIdlePlace;
  }

  @Override
  public boolean isWaiting() {
    return phase == Phase.WAITING;
  }

  @Override
  public String overdue(long now) {
    long due = deadline;
    return due != NO_DEADLINE && now - due > 0 ? phase.overdue : null;
  }

  /** Closes the socket, which ends a read or write blocked on it; {@code reason} is logged when given. */
  @Override
  public void close(String reason) {
    if (reason != null) {
      log.debug("Closing the connection from {}: {}", remoteAddress, reason);
    }
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("Closing the connection from {} failed: {}", remoteAddress, e.toString());
    }
  }

  /**
   * Ends the connection after its last answer the way HTTP/1.1 servers must (RFC 9112 section 9.6):
   * the server's side is closed first, then whatever the client still sends (the rest of a refused
   * body, a pipelined request) is read and dropped until the client closes its side, for at most
   * {@link #LINGER}. Closing at once with unread bytes would make the system send a reset, which can
   * destroy the answer before the client reads it.
   */
  private void closeAfterAnswer(WireInput in) {
    enter(Phase.CLOSING, LINGER.toNanos());
    try {
      socket.shutdownOutput();
      byte[] scratch = new byte[4096];
      for (int drained = 0; drained < MAX_LINGER_BYTES; ) {
        int read = in.read(scratch, 0, scratch.length);
        if (read < 0) {
          return;
        }
        drained += read;
      }
    } catch (IOException e) {
      log.debug("Connection from {} ended while closing: {}", remoteAddress, e.toString());
    }
  }

  private void streamed() {
    enter(Phase.RESPONDING, responseNanos);
  }

  private void enter(Phase next, long timeoutNanos) {
    deadline = timeoutNanos == 0 ? NO_DEADLINE : System.nanoTime() + timeoutNanos;
    phase = next;
  }

  private void refuse(ResponseWriter writer, ProtocolException refused) throws IOException {
    log.info("Refused a request from {}: {} {}", remoteAddress, refused.status(), refused.getMessage());
    writer.write(UNREAD, Responses.error(refused.status(), refused.getMessage()), false, RequestIds.HEADER,
        RequestIds.of(null));
  }
}
