package dev.vial.files;

import dev.vial.http.PercentDecoding;
import java.util.List;
import java.util.Locale;

/**
 * Turns the raw path segments after a mount's prefix into a relative file name that can only name
 * something inside the root, or refuses them. Each segment is decoded exactly once (so {@code %252e}
 * stays the literal {@code %2e}) and then checked, so no decoding can happen after the check.
 *
 * <p>Refused (the caller answers 404, never a detail): empty segments ({@code //}); {@code .} and
 * {@code ..}; names starting with a dot ({@code .env}, {@code .git}); decoded {@code /}, {@code \},
 * NUL and other control characters; the characters Windows reserves ({@code : * ? " < > |}); names
 * ending in a dot or a space (Windows drops those); Windows device names ({@code CON}, {@code NUL},
 * {@code COM1}, {@code LPT1}, ... with any extension); malformed escapes and invalid UTF-8.
 */
final class PathGuard {

  private static final List<String> DEVICE_NAMES = List.of("con", "prn", "aux", "nul", "conin$", "conout$",
      "clock$");

  private PathGuard() {}

  /** The decoded relative name ({@code "css/site.css"}, {@code ""} for none), or {@code null} when refused. */
  static String relativeName(List<String> rawSegments) {
    StringBuilder name = new StringBuilder();
    for (String raw : rawSegments) {
      String segment;
      try {
        segment = PercentDecoding.decodePathSegment(raw);
      } catch (IllegalArgumentException malformed) {
        return null;
      }
      if (!isSafe(segment)) {
        return null;
      }
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(segment);
    }
    return name.toString();
  }

  /** Whether one decoded segment is a plain file or folder name. */
  static boolean isSafe(String segment) {
    if (segment.isEmpty() || segment.charAt(0) == '.') {
      return false;
    }
    char last = segment.charAt(segment.length() - 1);
    if (last == '.' || last == ' ') {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0) {
        return false;
      }
    }
    return !isDeviceName(segment);
  }

  private static boolean isDeviceName(String segment) {
    int dot = segment.indexOf('.');
    String base = (dot < 0 ? segment : segment.substring(0, dot)).trim().toLowerCase(Locale.ROOT);
    if (DEVICE_NAMES.contains(base)) {
      return true;
    }
    // COM0-9 and LPT0-9, also with the superscript digits Windows accepts
    return base.length() == 4 && (base.startsWith("com") || base.startsWith("lpt"))
        && (Character.isDigit(base.charAt(3)) || "¹²³".indexOf(base.charAt(3)) >= 0);
  }
}
