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
   * Encodes a decoded path (HTTP API {@code rawPath} and payload 1.0 {@code path}) so that the core's
   * per-segment decoding yields the same text: only {@code %} needs it ({@code /c++} stays, non-ASCII is
   * read as UTF-8 by the core).
   */
  static String encodeDecodedPath(String decoded) {
    return decoded.indexOf('%') < 0 ? decoded : decoded.replace("%", "%25");
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
