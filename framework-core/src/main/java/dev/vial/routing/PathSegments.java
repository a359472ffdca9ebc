package dev.vial.routing;

import dev.vial.http.PercentDecoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw request path at {@code /} and decodes each segment once. Splitting happens before
 * decoding, so {@code %2F} stays inside its segment and never becomes a separator.
 */
public final class PathSegments {

  private PathSegments() {}

  /**
   * The raw segments of {@code rawPath} (leading {@code /} dropped): {@code /a/b/} → {@code [a, b, ""]},
   * {@code /} → {@code []}.
   */
  public static List<String> split(String rawPath) {
    List<String> parts = new ArrayList<>(8);
    int length = rawPath.length();
    if (length <= 1) {
      return parts;
    }
    int start = 1;
    while (true) {
      int slash = rawPath.indexOf('/', start);
      if (slash < 0) {
        parts.add(rawPath.substring(start));
        return parts;
      }
      parts.add(rawPath.substring(start, slash));
      start = slash + 1;
    }
  }

  /**
   * Splits and percent-decodes {@code rawPath} (RFC 3986: {@code +} stays {@code +}). A trailing
   * empty segment is dropped, so {@code /a/} routes like {@code /a}.
   *
   * @throws IllegalArgumentException on a malformed escape or invalid UTF-8
   */
  public static String[] decode(String rawPath) {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      throw new IllegalArgumentException("Request path must start with '/'");
    }
    List<String> parts = split(rawPath);
    int count = parts.size();
    if (count > 0 && parts.get(count - 1).isEmpty()) {
      count--;
    }
    String[] decoded = new String[count];
    for (int i = 0; i < count; i++) {
      decoded[i] = PercentDecoding.decodePathSegment(parts.get(i));
    }
    return decoded;
  }

  /** Joins decoded segments {@code from..to} with {@code /} between them: {@code [a, b]} → {@code a/b}. */
  public static String join(String[] segments, int from, int to) {
    return String.join("/", java.util.Arrays.asList(segments).subList(from, to));
  }
}
