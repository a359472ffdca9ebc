package dev.vial.server.http1;

import dev.vial.Headers;
import java.nio.charset.StandardCharsets;

/**
 * Parses one complete request head (request line, header fields, the empty line) from bytes, in one
 * pass over them. Strict where leniency lets two parsers disagree (RFC 9112): every line ends with
 * CRLF, no space before a field's colon, no obsolete line folding, no control bytes; anything else is
 * a {@link ProtocolException} with a 400 (505 for another HTTP version, 431 for too many fields).
 *
 * <p>The target keeps its escapes; bytes outside ASCII, which clients should not send but some do
 * (raw UTF-8), are percent-encoded so the app's path decoding reads them as UTF-8.
 */
public final class HeadParser {

  /** More fields than this are answered 431, whatever their size. */
  public static final int MAX_FIELDS = 200;

  private static final byte[] HTTP_1_1 = "HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HTTP_1_0 = "HTTP/1.0".getBytes(StandardCharsets.US_ASCII);
  private static final String[] COMMON_METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
  private static final String[] COMMON_NAMES = {
      "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Connection", "Content-Length",
      "Content-Type", "Cookie", "Origin", "Referer", "Cache-Control", "Authorization", "If-None-Match",
      "If-Modified-Since", "X-Request-Id", "Upgrade-Insecure-Requests", "Sec-Fetch-Mode", "Sec-Fetch-Site",
      "Sec-Fetch-Dest", "Pragma", "Transfer-Encoding", "Expect", "X-Forwarded-For", "Range", "Content-Encoding",
      "host", "user-agent", "accept", "accept-encoding", "connection", "content-length", "content-type", "cookie"};
  private static final byte[][] COMMON_NAME_BYTES = ascii(COMMON_NAMES);
  private static final byte[][] COMMON_METHOD_BYTES = ascii(COMMON_METHODS);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HeadParser() {}

  /**
   * Parses the head in {@code bytes[from, to)}, which must end with the empty line ({@code \r\n\r\n}
   * or, refused here, a bare {@code \n}).
   *
   * @throws ProtocolException when the head is malformed, of another HTTP version, or has too many fields
   */
  public static RequestHead parse(byte[] bytes, int from, int to) throws ProtocolException {
    int lineEnd = lineEnd(bytes, from, to);
    int space1 = indexOf(bytes, (byte) ' ', from, lineEnd);
    int space2 = space1 < 0 ? -1 : indexOf(bytes, (byte) ' ', space1 + 1, lineEnd);
    if (space1 <= from || space2 < 0 || space2 == space1 + 1) {
      throw new ProtocolException(400, "Malformed request line; expected METHOD TARGET HTTP/1.1");
    }
    String method = method(bytes, from, space1);
    boolean http10 = version(bytes, space2 + 1, lineEnd);
    String target = target(bytes, space1 + 1, space2);
    Headers headers = fields(bytes, lineEnd + 2, to);
    String pathAndQuery = originForm(target);
    int query = pathAndQuery.indexOf('?');
    String rawPath = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    String rawQuery = query < 0 ? null : pathAndQuery.substring(query + 1);
    if (rawPath.equals("*") && !method.equals("OPTIONS")) {
      throw new ProtocolException(400, "The target * is only allowed for OPTIONS");
    }
    return new RequestHead(method, target, rawPath, rawQuery, http10, headers);
  }

  /** Where the line starting at {@code from} ends: the index of its CR, which must be followed by LF. */
  private static int lineEnd(byte[] bytes, int from, int to) throws ProtocolException {
    int lf = indexOf(bytes, (byte) '\n', from, to);
    if (lf < 0) {
      throw new ProtocolException(400, "Request head does not end with an empty line");
    }
    if (lf == from || bytes[lf - 1] != '\r') {
      throw new ProtocolException(400, "Request head lines must end with CRLF");
    }
    return lf - 1;
  }

  private static String method(byte[] bytes, int from, int to) throws ProtocolException {
    for (int i = from; i < to; i++) {
      if (!Tokens.isTokenByte(bytes[i])) {
        throw new ProtocolException(400, "Malformed request line; the method must be a token such as GET");
      }
    }
    int common = match(COMMON_METHOD_BYTES, bytes, from, to);
    return common >= 0 ? COMMON_METHODS[common] : new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }

  /** Whether the version is HTTP/1.0 (true) or HTTP/1.1 (false). */
  private static boolean version(byte[] bytes, int from, int to) throws ProtocolException {
    if (equals(HTTP_1_1, bytes, from, to)) {
      return false;
    }
    if (equals(HTTP_1_0, bytes, from, to)) {
      return true;
    }
    if (to - from >= 5 && bytes[from] == 'H' && bytes[from + 1] == 'T' && bytes[from + 2] == 'T'
        && bytes[from + 3] == 'P' && bytes[from + 4] == '/') {
      throw new ProtocolException(505, "HTTP version '" + printable(bytes, from, to)
          + "' is not supported; use HTTP/1.1 or HTTP/1.0");
    }
    throw new ProtocolException(400, "Malformed request line; expected METHOD TARGET HTTP/1.1");
  }

  private static String target(byte[] bytes, int from, int to) throws ProtocolException {
    int outsideAscii = 0;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < 0) {
        outsideAscii++;
      } else if (b <= 0x20 || b == 0x7f) {
        throw new ProtocolException(400, "Malformed request target: control character");
      }
    }
    if (outsideAscii == 0) {
      return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }
    StringBuilder escaped = new StringBuilder(to - from + 2 * outsideAscii);
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < 0) {
        escaped.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      } else {
        escaped.append((char) b);
      }
    }
    return escaped.toString();
  }

  /** The path and query of a target: itself in origin form, the part after the authority in absolute form. */
  private static String originForm(String target) throws ProtocolException {
    if (target.charAt(0) == '/' || target.equals("*")) {
      return target;
    }
    int authority = target.regionMatches(true, 0, "http://", 0, 7) ? 7
        : target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    if (authority > 0) {
      int path = target.indexOf('/', authority);
      int query = target.indexOf('?', authority);
      if (path < 0 || (query >= 0 && query < path)) {
        return query < 0 ? "/" : "/" + target.substring(query);
      }
      return target.substring(path);
    }
    throw new ProtocolException(400, "Malformed request target; expected a path starting with /");
  }

  private static Headers fields(byte[] bytes, int from, int to) throws ProtocolException {
    Headers.Builder fields = Headers.builder();
    int count = 0;
    int line = from;
    while (true) {
      int end = lineEnd(bytes, line, to);
      if (end == line) {
        return fields.build();
      }
      byte first = bytes[line];
      if (first == ' ' || first == '\t') {
        throw new ProtocolException(400, "Obsolete line folding in a header field is not accepted");
      }
      int colon = indexOf(bytes, (byte) ':', line, end);
      if (colon <= line) {
        throw new ProtocolException(400, "Malformed header field; expected Name: value");
      }
      for (int i = line; i < colon; i++) {
        if (!Tokens.isTokenByte(bytes[i])) {
          throw new ProtocolException(400, "Malformed header field name (no spaces or separators before the colon)");
        }
      }
      int valueStart = colon + 1;
      int valueEnd = end;
      while (valueStart < valueEnd && (bytes[valueStart] == ' ' || bytes[valueStart] == '\t')) {
        valueStart++;
      }
      while (valueEnd > valueStart && (bytes[valueEnd - 1] == ' ' || bytes[valueEnd - 1] == '\t')) {
        valueEnd--;
      }
      for (int i = valueStart; i < valueEnd; i++) {
        if (!Tokens.isFieldValueByte(bytes[i])) {
          throw new ProtocolException(400, "Header field value contains a control character");
        }
      }
      if (++count > MAX_FIELDS) {
        throw new ProtocolException(431, "Request has more than " + MAX_FIELDS + " header fields");
      }
      int common = match(COMMON_NAME_BYTES, bytes, line, colon);
      String name = common >= 0 ? COMMON_NAMES[common] : new String(bytes, line, colon - line, StandardCharsets.US_ASCII);
      fields.add(name, new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1));
      line = end + 2;
    }
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int match(byte[][] candidates, byte[] bytes, int from, int to) {
    for (int c = 0; c < candidates.length; c++) {
      if (equals(candidates[c], bytes, from, to)) {
        return c;
      }
    }
    return -1;
  }

  private static boolean equals(byte[] expected, byte[] bytes, int from, int to) {
    if (expected.length != to - from) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static String printable(byte[] bytes, int from, int to) {
    StringBuilder out = new StringBuilder(Math.min(to - from, 40));
    for (int i = from; i < to && i < from + 40; i++) {
      byte b = bytes[i];
      out.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
    }
    return out.toString();
  }

  private static byte[][] ascii(String[] texts) {
    byte[][] bytes = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      bytes[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
    }
    return bytes;
  }
}
