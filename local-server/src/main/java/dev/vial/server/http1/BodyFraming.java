package dev.vial.server.http1;

import dev.vial.Headers;
import java.io.IOException;

/**
 * How a request's body is delimited, decided from its head before a byte of the body is read, and
 * refused where two HTTP parsers could disagree (request smuggling, RFC 9112 sections 6.1 and 6.3):
 * more than one {@code Content-Length}, one next to {@code Transfer-Encoding}, a length that is not
 * plain digits, a transfer coding other than {@code chunked} (501), more than one {@code Host}, or none
 * in an HTTP/1.1 request.
 *
 * @param contentLength the declared length, or {@code -1} when the body is chunked
 */
public record BodyFraming(long contentLength) {

  /** 18 digits always fit a {@code long}; no body Vial accepts comes near it. */
  private static final int MAX_LENGTH_DIGITS = 18;
  private static final BodyFraming NONE = new BodyFraming(0);
  private static final BodyFraming CHUNKED = new BodyFraming(-1);

  /** The framing of {@code head}'s body. */
  public static BodyFraming of(RequestHead head) throws ProtocolException {
    Headers fields = head.headers();
    String length = null;
    String encoding = null;
    int hosts = 0;
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.name(i);
      if (name.equalsIgnoreCase("Content-Length")) {
        if (length != null) {
          throw new ProtocolException(400, "Request has more than one Content-Length header");
        }
        length = fields.value(i);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        encoding = encoding == null ? fields.value(i) : encoding + ", " + fields.value(i);
      } else if (name.equalsIgnoreCase("Host")) {
        hosts++;
      }
    }
    if (hosts > 1) {
      throw new ProtocolException(400, "Request has more than one Host header");
    }
    if (hosts == 0 && !head.http10()) {
      throw new ProtocolException(400, "Request has no Host header, which HTTP/1.1 requires");
    }
    if (encoding != null) {
      if (length != null) {
        throw new ProtocolException(400, "Request has both Content-Length and Transfer-Encoding");
      }
      if (head.http10()) {
        throw new ProtocolException(400, "Transfer-Encoding is not allowed in an HTTP/1.0 request");
      }
      if (!encoding.trim().equalsIgnoreCase("chunked")) {
        throw new ProtocolException(501, "Transfer-Encoding '" + encoding + "' is not supported; send chunked or a Content-Length");
      }
      return CHUNKED;
    }
    if (length == null) {
      return NONE;
    }
    return new BodyFraming(digits(length));
  }

  /** Whether the body is chunked (its length unknown until its last chunk). */
  public boolean chunked() {
    return contentLength < 0;
  }

  /** Whether a body follows the head at all. */
  public boolean hasBody() {
    return contentLength != 0;
  }

  /**
   * Reads the whole body, or returns {@code null} when it is over {@code maxBytes}: a declared oversize
   * body is not read at all, a chunked one only until it crosses the limit.
   */
  public byte[] read(WireInput in, int maxBytes) throws IOException {
    if (chunked()) {
      return ChunkedBody.read(in, maxBytes);
    }
    return contentLength > maxBytes ? null : in.readFully((int) contentLength);
  }

  private static long digits(String value) throws ProtocolException {
    if (value.isEmpty() || value.length() > MAX_LENGTH_DIGITS) {
      throw new ProtocolException(400, "Content-Length must be a decimal number of bytes");
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException(400, "Content-Length must be a decimal number of bytes");
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }
}
