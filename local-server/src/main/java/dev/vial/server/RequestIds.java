package dev.vial.server;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of one request on the local server: the client's (or proxy's) {@code X-Request-Id} when it
 * is a short token, else 16 random hex digits. It is in the MDC as {@value #MDC_KEY} while the app
 * handles the request, at the end of the access line, and sent back as {@code X-Request-Id}.
 */
final class RequestIds {

  /** The request and response header. */
  static final String HEADER = "X-Request-Id";
  /** The MDC key while the app handles the request. */
  static final String MDC_KEY = "requestId";

  private static final int MAX_LENGTH = 64;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  /** {@code incoming} when it is 1 to 64 characters of letters, digits and {@code - _ . :}; a new random id otherwise. */
  static String of(String incoming) {
    return isWellFormed(incoming) ? incoming : random();
  }

  static boolean isWellFormed(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static String random() {
    long bits = ThreadLocalRandom.current().nextLong();
    char[] id = new char[16];
    for (int i = 15; i >= 0; i--) {
      id[i] = HEX[(int) (bits & 0xf)];
      bits >>>= 4;
    }
    return new String(id);
  }
}
