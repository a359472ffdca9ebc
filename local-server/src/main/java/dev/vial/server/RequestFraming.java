package dev.vial.server;

import com.sun.net.httpserver.Headers;
import java.util.List;

/**
 * Request-smuggling defences: refuses a request whose framing two HTTP parsers could read
 * differently, before a byte of its body is read. JDK 17.0.19 already refuses duplicate
 * {@code Content-Length}, {@code Content-Length} with {@code Transfer-Encoding}, and lengths that are
 * negative or not numbers; earlier JDK 17 builds did not, and every JDK accepts {@code +5}, so Vial
 * checks them all itself (RFC 9112 sections 6.3 and 3.2).
 */
final class RequestFraming {

  /** 18 digits always fit a {@code long}; no body Vial accepts comes near it. */
  private static final int MAX_LENGTH_DIGITS = 18;

  private RequestFraming() {}

  /** Why the request's framing is refused (a 400 message), or {@code null} when it is sound. */
  static String problem(Headers headers) {
    List<String> lengths = headers.get("Content-Length");
    if (lengths != null) {
      if (lengths.size() > 1) {
        return "Request has more than one Content-Length header";
      }
      if (headers.containsKey("Transfer-Encoding")) {
        return "Request has both Content-Length and Transfer-Encoding";
      }
      if (!isDigits(lengths.get(0).trim())) {
        return "Content-Length must be a decimal number of bytes";
      }
    }
    List<String> hosts = headers.get("Host");
    if (hosts != null && hosts.size() > 1) {
      return "Request has more than one Host header";
    }
    return null;
  }

  private static boolean isDigits(String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH_DIGITS) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
