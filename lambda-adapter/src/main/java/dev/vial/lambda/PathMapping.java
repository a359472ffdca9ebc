package dev.vial.lambda;

import java.util.List;

/**
 * Turns an event's path into the path the app routes on plus the mount path that was stripped
 * (stage, configured base path). Also re-encodes the already-decoded paths HTTP APIs send.
 */
final class PathMapping {

  /** The routing path and what was stripped in front of it ({@code ""} when nothing). */
  record Mapped(String path, String mountPath) {}

  private PathMapping() {}

  /**
   * Encodes a decoded path (HTTP API {@code rawPath} and payload 1.0 {@code path}) back into the form a
   * client sends: every character outside RFC 3986's {@code pchar} set and {@code /} is percent-encoded
   * as UTF-8 ({@code café au lait} → {@code caf%C3%A9%20au%20lait}, {@code 100%} → {@code 100%25}), while
   * {@code /c++} stays {@code /c++}. The core's per-segment decoding then yields the decoded text again,
   * and the app's {@code rawPath()} looks the same as on the local server. An encoded {@code %2F} cannot be
   * recovered: the service already turned it into a separator.
   */
  static String encodeDecodedPath(String decoded) {
    int i = 0;
    while (i < decoded.length() && isPathChar(decoded.charAt(i))) {
      i++;
    }
    if (i == decoded.length()) {
      return decoded;
    }
    StringBuilder encoded = new StringBuilder(decoded.length() + 16).append(decoded, 0, i);
    byte[] bytes = decoded.substring(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && isPathChar(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return encoded.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** RFC 3986 {@code pchar} (unreserved, sub-delims, {@code :} and {@code @}) plus the separator {@code /}. */
  private static boolean isPathChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }

  /**
   * Strips {@code prefix} (e.g. {@code /dev}) when it makes up whole leading segments of {@code path},
   * then the first matching base path.
   */
  static Mapped strip(String path, String prefix, List<String> basePaths) {
    String mount = "";
    String rest = path;
    if (prefix != null && startsWithSegments(rest, prefix)) {
      mount = prefix;
      rest = remainder(rest, prefix);
    }
    for (String base : basePaths) {
      if (startsWithSegments(rest, base)) {
        mount = mount + base;
        rest = remainder(rest, base);
        break;
      }
    }
    return new Mapped(rest, mount);
  }

  /**
   * The prefix API Gateway removed from a REST API's {@code path}: {@code requestContext.path} is
   * {@code /prod/users/1} on an execute-api host where {@code path} is {@code /users/1}, so the mount path
   * is {@code /prod}. {@code null} when the two agree (custom domains) or do not line up.
   */
  static String removedPrefix(String path, String contextPath) {
    if (contextPath == null) {
      return null;
    }
    String tail = path.equals("/") ? "" : path;
    String full = contextPath.endsWith("/") && tail.isEmpty() ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
    if (full.length() <= tail.length() || !full.endsWith(tail)) {
      return null;
    }
    String prefix = full.substring(0, full.length() - tail.length());
    return prefix.startsWith("/") && !prefix.endsWith("/") ? prefix : null;
  }

  private static boolean startsWithSegments(String path, String prefix) {
    return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }

  private static String remainder(String path, String prefix) {
    return path.length() == prefix.length() ? "/" : path.substring(prefix.length());
  }
}
