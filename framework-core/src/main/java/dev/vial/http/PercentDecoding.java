package dev.vial.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Percent-decoding as RFC 3986 (paths) and the WHATWG URL standard (forms and query strings) define it.
 *
 * <p>Paths are decoded one segment at a time after splitting at {@code /}, so an encoded {@code %2F}
 * stays inside its segment. {@code java.net.URLDecoder} is deliberately not used: it turns {@code +}
 * into a space, which is wrong for paths.
 */
public final class PercentDecoding {

  private PercentDecoding() {}

  /**
   * Decodes one raw path segment: {@code %XX} escapes become bytes, the bytes are read as UTF-8,
   * and {@code +} stays {@code +}.
   *
   * @throws IllegalArgumentException when an escape is malformed ({@code %zz}, a truncated {@code %4})
   *     or the decoded bytes are not valid UTF-8
   */
  public static String decodePathSegment(String raw) {
    int firstEscape = raw.indexOf('%');
    if (firstEscape < 0) {
      return raw;
    }
    byte[] bytes = new byte[raw.length()];
    int length = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int value = escapedByte(raw, i);
        if (value < 0) {
          throw new IllegalArgumentException("Malformed percent-escape in path segment '" + raw + "'");
        }
        bytes[length++] = (byte) value;
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        // Non-ASCII characters are already text (an HTTP API event's decoded rawPath): keep their UTF-8 bytes.
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        // Room for these bytes and one byte per character still to come, which never needs more.
        int needed = length + utf8.length + (raw.length() - i - 1);
        if (needed > bytes.length) {
          bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, needed));
        }
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
      }
    }
    return strictUtf8(bytes, length, raw);
  }

  /**
   * Decodes a form-encoded component ({@code application/x-www-form-urlencoded}, query strings):
   * {@code +} becomes a space and {@code %XX} a byte. Like browsers and the WHATWG URL standard,
   * a malformed escape is kept as literal text and invalid UTF-8 becomes U+FFFD, so a sloppy query
   * string never fails a request.
   */
  public static String decodeFormComponent(String raw, int from, int to) {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '%' || c == '+') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return raw.substring(from, to);
    }
    byte[] bytes = new byte[(to - from) * 4];
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      int escaped = c == '%' ? escapedByte(raw, i, to) : -1;
      if (c == '+') {
        bytes[length++] = ' ';
      } else if (escaped >= 0) {
        bytes[length++] = (byte) escaped;
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
        byte[] utf8 = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        i = end - 1;
      }
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** Decodes a whole form-encoded component; see {@link #decodeFormComponent(String, int, int)}. */
  public static String decodeFormComponent(String raw) {
    return decodeFormComponent(raw, 0, raw.length());
  }

  private static int escapedByte(String s, int percentAt) {
    return escapedByte(s, percentAt, s.length());
  }

  private static int escapedByte(String s, int percentAt, int end) {
    if (percentAt + 2 >= end) {
      return -1;
    }
    int high = Character.digit(s.charAt(percentAt + 1), 16);
    int low = Character.digit(s.charAt(percentAt + 2), 16);
    if (high < 0 || low < 0 || s.charAt(percentAt + 1) > 0x7f || s.charAt(percentAt + 2) > 0x7f) {
      return -1;
    }
    return (high << 4) | low;
  }

  private static String strictUtf8(byte[] bytes, int length, String raw) {
    String text = Utf8.decodeOrNull(bytes, length);
    if (text == null) {
      throw new IllegalArgumentException("Percent-escapes in path segment '" + raw + "' are not valid UTF-8");
    }
    return text;
  }
}
