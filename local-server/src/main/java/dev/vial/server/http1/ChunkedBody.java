package dev.vial.server.http1;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a request body sent with {@code Transfer-Encoding: chunked} (RFC 9112 section 7.1): chunk
 * sizes in hex, extensions ignored, trailer fields read and dropped. Every line has a length limit and
 * the body a size limit, so a hostile sender costs at most those bytes.
 */
public final class ChunkedBody {

  /** A chunk-size line (size and extensions) or trailer line longer than this is refused. */
  static final int MAX_LINE = 4096;
  /** Trailer fields beyond this many bytes in all are refused. */
  static final int MAX_TRAILER_BYTES = 16 * 1024;
  private static final byte[] NO_BODY = new byte[0];

  private ChunkedBody() {}

  /**
   * The whole body, or {@code null} as soon as it grows past {@code maxBytes} (the rest is not read).
   *
   * @throws ProtocolException a malformed chunk (400)
   * @throws EOFException the client closed the connection before the last chunk
   */
  public static byte[] read(WireInput in, int maxBytes) throws IOException {
    byte[] body = NO_BODY;
    int size = 0;
    StringBuilder line = new StringBuilder(16);
    while (true) {
      long chunk = chunkSize(readLine(in, line));
      if (chunk == 0) {
        skipTrailers(in, line);
        return size == body.length ? body : Arrays.copyOf(body, size);
      }
      if (chunk > maxBytes - size) {
        return null;
      }
      int needed = size + (int) chunk;
      if (needed > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(maxBytes, Math.max(needed, 2L * body.length)));
      }
      while (size < needed) {
        int read = in.read(body, size, needed - size);
        if (read < 0) {
          throw new EOFException("client closed the connection in the middle of a chunk");
        }
        size += read;
      }
      if (readLine(in, line).length() != 0) {
        throw new ProtocolException(400, "Malformed chunked body: a chunk's data is longer than its size");
      }
    }
  }

  private static long chunkSize(CharSequence line) throws ProtocolException {
    long size = 0;
    int digits = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      int value = Character.digit(c, 16);
      if (value < 0 || c > 'f') {
        if (digits > 0 && (c == ';' || c == ' ' || c == '\t')) {
          break; // a chunk extension follows; extensions are ignored
        }
        throw new ProtocolException(400, "Malformed chunked body: a chunk size must be hexadecimal");
      }
      if (++digits > 8) {
        throw new ProtocolException(400, "Malformed chunked body: a chunk size is too large");
      }
      size = size * 16 + value;
    }
    if (digits == 0) {
      throw new ProtocolException(400, "Malformed chunked body: a chunk size is missing");
    }
    return size;
  }

  private static void skipTrailers(WireInput in, StringBuilder line) throws IOException {
    int total = 0;
    while (true) {
      CharSequence field = readLine(in, line);
      int length = field.length();
      if (length == 0) {
        return;
      }
      if (!isField(field)) {
        throw new ProtocolException(400, "Malformed chunked body: a trailer line is not a Name: value field");
      }
      total += length + 2;
      if (total > MAX_TRAILER_BYTES) {
        throw new ProtocolException(400, "Malformed chunked body: trailer fields are larger than "
            + MAX_TRAILER_BYTES + " bytes");
      }
    }
  }

  private static boolean isField(CharSequence line) {
    int colon = 0;
    while (colon < line.length() && line.charAt(colon) != ':') {
      char c = line.charAt(colon);
      if (c > 0x7f || !Tokens.isTokenByte((byte) c)) {
        return false;
      }
      colon++;
    }
    return colon > 0 && colon < line.length();
  }

  /** One line without its CRLF, into {@code line} (reused). */
  private static CharSequence readLine(WireInput in, StringBuilder line) throws IOException {
    line.setLength(0);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("client closed the connection in the middle of a chunked body");
      }
      if (b == '\r') {
        if (in.read() != '\n') {
          throw new ProtocolException(400, "Malformed chunked body: lines must end with CRLF");
        }
        return line;
      }
      if (b == '\n' || b == 0) {
        throw new ProtocolException(400, "Malformed chunked body: lines must end with CRLF");
      }
      if (line.length() == MAX_LINE) {
        throw new ProtocolException(400, "Malformed chunked body: a line is longer than " + MAX_LINE + " bytes");
      }
      line.append((char) b);
    }
  }
}
