package dev.vial.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain socket speaking HTTP/1.1 by hand, to see exactly what goes over the wire. */
final class RawConnection implements AutoCloseable {

  /** A response as read from the wire: header names lower-cased, every field line kept. */
  record RawResponse(int status, String statusLine, List<String[]> fields, byte[] body) {
    String header(String name) {
      for (String[] field : fields) {
        if (field[0].equalsIgnoreCase(name)) {
          return field[1];
        }
      }
      return null;
    }

    long count(String name) {
      return fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).count();
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawConnection(int port, int readTimeoutMillis) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(readTimeoutMillis);
    socket.setTcpNoDelay(true);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  RawConnection send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawConnection send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one response; {@code noBody} for answers to HEAD (the headers then say nothing about what follows). */
  RawResponse read(boolean noBody) throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    List<String[]> fields = new ArrayList<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      fields.add(new String[] {line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim()});
    }
    RawResponse head = new RawResponse(status, statusLine, fields, new byte[0]);
    if (noBody || status < 200 || status == 204 || status == 304) {
      return head;
    }
    String length = head.header("content-length");
    if (length != null) {
      return new RawResponse(status, statusLine, fields, in.readNBytes(Integer.parseInt(length)));
    }
    if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
      return new RawResponse(status, statusLine, fields, body.toByteArray());
    }
    return new RawResponse(status, statusLine, fields, in.readAllBytes());
  }

  RawResponse read() throws IOException {
    return read(false);
  }

  /** Whether the server closed the connection: end of stream or a reset, before the read timeout. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // connection reset
    }
  }

  /** Whether the server closes the connection (end of stream or a reset) within {@code millis}. */
  boolean closedWithin(int millis) throws IOException {
    int before = socket.getSoTimeout();
    socket.setSoTimeout(millis);
    try {
      return closedByServer();
    } finally {
      socket.setSoTimeout(before);
    }
  }

  /** Whether any byte arrives within {@code millis}. */
  boolean anyByteWithin(int millis) throws IOException {
    int before = socket.getSoTimeout();
    socket.setSoTimeout(millis);
    try {
      return in.read() != -1;
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(before);
    }
  }

  Socket socket() {
    return socket;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c == -1) {
        throw new EOFException("Connection closed after: '" + line + "'");
      }
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) c);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
