package dev.vial.cors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The allowed origins of a {@link CorsPolicy}, checked once when the policy is made and matched per
 * request without regular expressions, in time linear in the length of the request's {@code Origin}.
 *
 * <p>An entry is an exact origin ({@code https://app.example}, {@code http://localhost:8080}) or a
 * pattern whose host starts with {@code *.} ({@code https://*.app.example}): the {@code *} stands for
 * exactly one DNS label (letters, digits and inner hyphens, 1 to 63 characters), so the pattern is
 * anchored at both ends by construction and can neither match {@code https://evil.app.example.attacker.net}
 * nor {@code https://a.b.app.example}. Entries are compared as browsers serialize origins: scheme and host
 * in lower case, no default port, no path.
 */
final class OriginMatcher {

  /** {@code https://*.app.example:8443} split around the label: {@code https://} and {@code .app.example:8443}. */
  private record Pattern(String before, String after) {
    boolean matches(String origin) {
      int labelEnd = origin.length() - after.length();
      return labelEnd > before.length() && origin.startsWith(before) && origin.endsWith(after)
          && isLabel(origin, before.length(), labelEnd);
    }
  }

  private final boolean any;
  private final Set<String> exact;
  private final Pattern[] patterns;
  private final List<String> entries;

  private OriginMatcher(boolean any, Set<String> exact, Pattern[] patterns, List<String> entries) {
    this.any = any;
    this.exact = exact;
    this.patterns = patterns;
    this.entries = entries;
  }

  /**
   * Checks and compiles {@code origins}: exact origins, {@code *.} patterns, or {@code *} alone for any origin.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  static OriginMatcher of(List<String> origins) {
    if (origins == null || origins.isEmpty()) {
      throw new IllegalArgumentException("A CORS policy needs at least one allowed origin "
          + "(an exact origin such as https://app.example, a pattern such as https://*.app.example, or *)");
    }
    if (origins.contains("*")) {
      if (origins.size() > 1) {
        throw new IllegalArgumentException("'*' allows every origin: list it alone, not with " + origins);
      }
      return new OriginMatcher(true, Set.of(), new Pattern[0], List.of("*"));
    }
    Set<String> exact = new HashSet<>();
    List<Pattern> patterns = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (String origin : origins) {
      String entry = normalize(origin);
      entries.add(entry);
      int star = entry.indexOf('*');
      if (star < 0) {
        exact.add(entry);
      } else {
        patterns.add(new Pattern(entry.substring(0, star), entry.substring(star + 1)));
      }
    }
    return new OriginMatcher(false, Set.copyOf(exact), patterns.toArray(new Pattern[0]), List.copyOf(entries));
  }

  /** Whether every origin is allowed ({@code *}). */
  boolean allowsAny() {
    return any;
  }

  /** The entries as configured, normalized (lower case). */
  List<String> entries() {
    return entries;
  }

  /** Whether the {@code Origin} value a request sent is allowed; {@code null} never is. */
  boolean matches(String origin) {
    if (origin == null) {
      return false;
    }
    if (any || exact.contains(origin)) {
      return true;
    }
    for (Pattern pattern : patterns) {
      if (pattern.matches(origin)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String origin) {
    if (origin == null) {
      throw new IllegalArgumentException("An allowed origin must not be null");
    }
    String entry = origin.toLowerCase(Locale.ROOT);
    if (entry.equals("null")) {
      throw new IllegalArgumentException("The origin 'null' (sandboxed frames, file: pages, redirects) cannot be "
          + "allowed: any page can send it");
    }
    int colonSlashes = entry.indexOf("://");
    if (colonSlashes <= 0 || !isScheme(entry, colonSlashes)) {
      throw invalid(origin, "it must start with a scheme such as https://");
    }
    int hostStart = colonSlashes + 3;
    int portColon = entry.lastIndexOf(':');
    boolean hasPort = portColon > hostStart && entry.indexOf(']', portColon) < 0;
    int hostEnd = hasPort ? portColon : entry.length();
    String host = entry.substring(hostStart, hostEnd);
    if (host.isEmpty()) {
      throw invalid(origin, "it has no host");
    }
    if (hasPort) {
      checkPort(origin, entry.substring(0, colonSlashes), entry.substring(portColon + 1));
    }
    if (host.startsWith("*.")) {
      String domain = host.substring(2);
      if (!isHostName(domain) || domain.indexOf('.') < 0) {
        throw invalid(origin, "a pattern is scheme://*.domain with at least two labels after '*.' "
            + "(e.g. https://*.app.example); '*' stands for exactly one DNS label");
      }
    } else if (host.indexOf('*') >= 0) {
      throw invalid(origin, "'*' may only be the whole first label of the host (https://*.app.example)");
    } else if (!isHostName(host) && !isBracketedIpv6(host)) {
      throw invalid(origin, host.chars().anyMatch(c -> c > 0x7f)
          ? "browsers send an internationalized host in its xn-- (punycode) form; list that"
          : "an origin is scheme://host[:port], with no path, query, user or trailing slash");
    }
    return entry;
  }

  private static void checkPort(String origin, String scheme, String port) {
    if (port.isEmpty() || port.length() > 5 || !isDigits(port) || Integer.parseInt(port) > 65535) {
      throw invalid(origin, "the port must be a number from 0 to 65535");
    }
    if ((scheme.equals("https") && port.equals("443")) || (scheme.equals("http") && port.equals("80"))) {
      throw invalid(origin, "browsers leave out the default port " + port + ", so it would never match");
    }
  }

  private static IllegalArgumentException invalid(String origin, String why) {
    return new IllegalArgumentException("Invalid allowed origin '" + origin + "': " + why);
  }

  private static boolean isScheme(String text, int end) {
    if (text.charAt(0) < 'a' || text.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Dot-separated DNS labels (a trailing dot is refused: browsers keep it, so it would need its own entry). */
  private static boolean isHostName(String host) {
    int start = 0;
    while (true) {
      int dot = host.indexOf('.', start);
      int end = dot < 0 ? host.length() : dot;
      if (!isLabel(host, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  private static boolean isBracketedIpv6(String host) {
    if (host.length() < 4 || host.charAt(0) != '[' || host.charAt(host.length() - 1) != ']') {
      return false;
    }
    for (int i = 1; i < host.length() - 1; i++) {
      char c = host.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** One DNS label in {@code text[start, end)}: 1–63 of {@code [a-z0-9-]}, no hyphen at either end. */
  static boolean isLabel(String text, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 63 || text.charAt(start) == '-' || text.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return String.join(", ", entries);
  }
}
