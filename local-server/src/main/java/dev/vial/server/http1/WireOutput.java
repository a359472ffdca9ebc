package dev.vial.server.http1;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes going out on one connection: a response head is assembled in a reused buffer and, with a
 * small body, leaves in one write (one packet, one system call). Owned by the connection's thread.
 * Header names and values are written as ISO-8859-1; a CR, LF or NUL in them (response splitting) is
 * refused before a byte of the head is sent.
 */
public final class WireOutput {

  /** Bodies up to this size are copied behind the head and sent with it; larger ones are written after it. */
  private static final int COALESCE_LIMIT = 16 * 1024;
  /** Bytes gathered beyond this are sent before more are added, so many small writes cannot grow the buffer without end. */
  private static final int BUFFER_LIMIT = 32 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final OutputStream out;
  private byte[] buffer = new byte[1024];
  private int size;

  /** Writes to {@code out}, usually a socket's stream. */
  public WireOutput(OutputStream out) {
    this.out = out;
  }

  /** Starts a response head with its status line, e.g. {@code HTTP/1.1 200 OK}. */
  public WireOutput statusLine(int status) {
    size = 0;
    ascii("HTTP/1.1 ");
    ensure(3);
    buffer[size++] = (byte) ('0' + status / 100 % 10);
    buffer[size++] = (byte) ('0' + status / 10 % 10);
    buffer[size++] = (byte) ('0' + status % 10);
    ascii(" ");
    ascii(StatusReasons.of(status));
    return crlf();
  }

  /**
   * Adds a header field to the head being assembled.
   *
   * @throws IllegalArgumentException when the name or value holds CR, LF or NUL
   */
  public WireOutput field(String name, String value) {
    latin1(name, true);
    ascii(": ");
    latin1(value, false);
    return crlf();
  }

  /** Adds a field whose value is a number. */
  public WireOutput field(String name, long value) {
    return field(name, Long.toString(value));
  }

  /** Ends the head (the empty line); it is sent with the next {@link #flush()}, together with any {@link #body} bytes. */
  public WireOutput endHead() {
    return crlf();
  }

  /** Adds body bytes after the head: copied when small, otherwise the head is sent first and the body after it. */
  public void body(byte[] bytes, int offset, int length) throws IOException {
    if (size + length > BUFFER_LIMIT) {
      flushBuffer();
    }
    if (length <= COALESCE_LIMIT) {
      ensure(length);
      System.arraycopy(bytes, offset, buffer, size, length);
      size += length;
    } else {
      flushBuffer();
      out.write(bytes, offset, length);
    }
  }

  /** Adds ASCII text (a chunk size line, a last chunk) to what goes out next. */
  public void ascii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[size++] = (byte) text.charAt(i);
    }
  }

  /** Sends everything assembled so far. */
  public void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  /** Forgets a head assembled but not sent (a field was refused). */
  public void discard() {
    size = 0;
  }

  private void flushBuffer() throws IOException {
    if (size > 0) {
      out.write(buffer, 0, size);
      size = 0;
    }
  }

  private WireOutput crlf() {
    ensure(2);
    buffer[size++] = CRLF[0];
    buffer[size++] = CRLF[1];
    return this;
  }

  private void latin1(String text, boolean name) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == 0 || (name && (c == ':' || c <= ' '))) {
        size = 0;
        throw new IllegalArgumentException("Response header " + (name ? "name" : "value")
            + " contains a character that could split the response");
      }
      buffer[size++] = (byte) (c > 0xff ? '?' : c);
    }
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
