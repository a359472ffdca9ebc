package dev.vial.server.http1;

/** Byte and token rules of HTTP/1.1 (RFC 9110 section 5.6). */
final class Tokens {

  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
  }

  private Tokens() {}

  /** Whether {@code b} may appear in a token (a method or a field name). */
  static boolean isTokenByte(byte b) {
    return b > 0 && TCHAR[b];
  }

  /** Whether {@code b} may appear in a field value: tab, visible ASCII, space, or obs-text. */
  static boolean isFieldValueByte(byte b) {
    return b == '\t' || (b >= 0x20 && b != 0x7f) || b < 0;
  }

  /** Whether the comma-separated {@code list} holds {@code token}, ignoring case and spaces. */
  static boolean containsToken(String list, String token) {
    int length = list.length();
    int from = 0;
    while (from <= length) {
      int comma = list.indexOf(',', from);
      int end = comma < 0 ? length : comma;
      int start = from;
      while (start < end && isSpace(list.charAt(start))) {
        start++;
      }
      while (end > start && isSpace(list.charAt(end - 1))) {
        end--;
      }
      if (end - start == token.length() && list.regionMatches(true, start, token, 0, token.length())) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      from = comma + 1;
    }
    return false;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
