package dev.vial.routing;

import dev.vial.http.PercentDecoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a raw request path at {@code /} and decodes each segment once. Splitting happens before
 * decoding, so {@code %2F} stays inside its segment and never becomes a separator.
 */
public final class PathSegments {

  private static final String[] NONE = new String[0];

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
   * slash is dropped, so {@code /a/} routes like {@code /a}; other empty segments stay ({@code /a//b}
   * → {@code [a, "", b]}) and match no template.
   *
   * @throws IllegalArgumentException when the path does not start with {@code /}, on a malformed
   *     escape, or when the escapes are not valid UTF-8
   */
  public static String[] decode(String rawPath) {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      throw new IllegalArgumentException("Request path must start with '/'");
    }
    int end = rawPath.length();
    if (end == 1) {
      return NONE;
    }
    if (rawPath.charAt(end - 1) == '/') {
      end--;
    }
    int count = 1;
    for (int i = 1; i < end; i++) {
      if (rawPath.charAt(i) == '/') {
        count++;
      }
    }
    String[] segments = new String[count];
    int start = 1;
    for (int n = 0; n < count; n++) {
      int stop = n == count - 1 ? end : rawPath.indexOf('/', start);
      segments[n] = PercentDecoding.decodePathSegment(rawPath.substring(start, stop));
      start = stop + 1;
    }
    return segments;
  }

  /** Joins decoded segments {@code from..to} with {@code /} between them: {@code [a, b]} → {@code a/b}. */
  public static String join(String[] segments, int from, int to) {
    return String.join("/", Arrays.asList(segments).subList(from, to));
  }
}
