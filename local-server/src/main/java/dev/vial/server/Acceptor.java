package dev.vial.server;

import dev.vial.server.http1.HttpDate;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on the listening socket ({@code vial-acceptor} thread) and gives each one a
 * thread of the worker pool. A connection beyond {@link ServerOptions#maxConnections()} is closed at
 * once. Ends when the listening socket is closed.
 */
final class Acceptor implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Acceptor.class);
  /** After a failed accept (out of file descriptors, say), this pause keeps the loop from spinning. */
  private static final long PAUSE_AFTER_FAILURE_MILLIS = 50;

  private final ServerSocket listener;
  private final ExecutorService workers;
  private final Exchange exchange;
  private final Connections connections;
  private final HttpDate date = new HttpDate();
  private final ServerOptions options;

  Acceptor(ServerSocket listener, ExecutorService workers, Exchange exchange, Connections connections,
      ServerOptions options) {
    this.listener = listener;
    this.workers = workers;
    this.exchange = exchange;
    this.connections = connections;
    this.options = options;
  }

  @Override
  public void run() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          log.warn("Accepting a connection failed: {}", e.toString());
          pause();
        }
        continue;
      }
      open(socket);
    }
  }

  private void open(Socket socket) {
    Connection connection = new Connection(socket, exchange, connections, date, options);
    if (!connections.admit(connection)) {
      log.debug("Refused a connection from {}: {} connections are open", connection.remoteAddress(),
          connections.count());
      connection.close(null);
      return;
    }
    try {
      socket.setTcpNoDelay(true); // a response's head and body may leave in two writes: never wait for an ACK between
      workers.execute(connection);
    } catch (IOException | RejectedExecutionException e) {
      log.debug("Could not serve the connection from {}: {}", connection.remoteAddress(), e.toString());
      connections.remove(connection);
      connection.close(null);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
