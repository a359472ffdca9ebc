package dev.vial.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses request {@code Cookie} headers (RFC 6265 section 5.4) into name → value.
 *
 * <p>When a name repeats, the first value wins: browsers send the cookie with the most specific path
 * first. Values are taken as sent (surrounding double quotes removed), never percent-decoded, since
 * RFC 6265 defines no encoding. Pairs without a name or without {@code =} are ignored.
 */
public final class CookieParser {

  private CookieParser() {}

  /** Parses every {@code Cookie} header value given, in order. */
  public static Map<String, String> parse(List<String> cookieHeaders) {
    if (cookieHeaders.isEmpty()) {
      return Map.of();
    }
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : cookieHeaders) {
      int start = 0;
      while (start < header.length()) {
        int end = header.indexOf(';', start);
        if (end < 0) {
          end = header.length();
        }
        int equals = FormData.indexOf(header, '=', start, end);
        if (equals > start) {
          String name = header.substring(start, equals).trim();
          String value = header.substring(equals + 1, end).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          if (!name.isEmpty()) {
            cookies.putIfAbsent(name, value);
          }
        }
        start = end + 1;
      }
    }
    return Collections.unmodifiableMap(cookies);
  }
}
