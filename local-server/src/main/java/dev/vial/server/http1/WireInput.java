package dev.vial.server.http1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes arriving on one connection, buffered: request heads are found and parsed in place, bodies
 * are read through the same buffer, so pipelined requests and a body's first bytes that came with the
 * head are never lost. Owned by the connection's thread.
 *
 * <p>Finding the end of a head looks at each byte once, however the client splits its writes, so a
 * head that arrives one byte at a time costs what it costs in one piece.
 */
public final class WireInput {

  /** Told when the first byte of a request arrives, so a read deadline can start. */
  public interface Arrival {
    /** The connection's next request has started arriving. */
    void firstByte();
  }

  /** Blank lines (CRLF) accepted before a request line, as RFC 9112 section 2.2 suggests for old clients. */
  private static final int MAX_LEADING_BLANK_LINES = 8;

  private final InputStream in;
  private byte[] buffer;
  private int position;
  private int limit;

  /** Reads from {@code in} with a buffer of {@code initialSize} bytes, grown for larger heads. */
  public WireInput(InputStream in, int initialSize) {
    this.in = in;
    this.buffer = new byte[initialSize];
  }

  /** Whether bytes of a next request have arrived already (a pipelining client). */
  public boolean hasBuffered() {
    return position < limit;
  }

  /**
   * Reads and parses the next request head; {@code null} when the client closed the connection
   * before sending a byte of it.
   *
   * @throws ProtocolException a malformed head, or one over {@code maxHeadBytes} (431)
   * @throws EOFException the client closed the connection in the middle of the head
   */
  public RequestHead readHead(int maxHeadBytes, Arrival arrival) throws IOException {
    compact();
    if (limit == 0) {
      if (!fill()) {
        return null;
      }
    }
    arrival.firstByte();
    int headStart = 0;
    int lineStart = 0;
    int scanned = 0;
    int blankLines = 0;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        boolean blank = i == lineStart || (i == lineStart + 1 && buffer[lineStart] == '\r');
        if (blank && lineStart == headStart && blankLines++ < MAX_LEADING_BLANK_LINES) {
          headStart = i + 1; // a stray CRLF before the request line, e.g. after an old client's POST body
        } else if (blank) {
          if (i + 1 - headStart > maxHeadBytes) {
            throw headTooLarge(maxHeadBytes);
          }
          position = i + 1;
          return HeadParser.parse(buffer, headStart, i + 1);
        }
        lineStart = i + 1;
      }
      scanned = limit;
      if (limit - headStart > maxHeadBytes) {
        throw headTooLarge(maxHeadBytes);
      }
      if (limit == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxHeadBytes + MAX_LEADING_BLANK_LINES * 2 + 2));
      }
      if (!fill()) {
        throw new EOFException("client closed the connection in the middle of a request head");
      }
    }
  }

  /** Reads exactly {@code length} body bytes. */
  public byte[] readFully(int length) throws IOException {
    byte[] body = new byte[length];
    int copied = Math.min(length, limit - position);
    System.arraycopy(buffer, position, body, 0, copied);
    position += copied;
    while (copied < length) {
      int read = in.read(body, copied, length - copied);
      if (read < 0) {
        throw new EOFException("client closed the connection after " + copied + " of " + length + " body bytes");
      }
      copied += read;
    }
    return body;
  }

  /** Reads up to {@code length} bytes into {@code target}; -1 at the end of the stream. */
  public int read(byte[] target, int offset, int length) throws IOException {
    if (position == limit) {
      if (length >= buffer.length) {
        return in.read(target, offset, length); // a large read skips the buffer
      }
      compact();
      if (!fill()) {
        return -1;
      }
    }
    int copied = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, copied);
    position += copied;
    return copied;
  }

  /** The next byte, or -1 at the end of the stream. */
  public int read() throws IOException {
    if (position == limit) {
      compact();
      if (!fill()) {
        return -1;
      }
    }
    return buffer[position++] & 0xff;
  }

  /** Moves unread bytes to the front of the buffer. */
  private void compact() {
    if (position == limit) {
      position = 0;
      limit = 0;
    } else if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
  }

  /** Reads more bytes after {@code limit}; false at the end of the stream. */
  private boolean fill() throws IOException {
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      return false;
    }
    limit += read;
    return true;
  }

  private static ProtocolException headTooLarge(int maxHeadBytes) {
    return new ProtocolException(431, "Request header fields are larger than the limit of " + maxHeadBytes + " bytes");
  }
}
