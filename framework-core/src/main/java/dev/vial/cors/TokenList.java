package dev.vial.cors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads comma-separated lists of HTTP tokens ({@code Access-Control-Request-Headers}) in one pass, linear
 * in the input: elements are trimmed of spaces and tabs, empty elements are skipped (RFC 9110 list syntax),
 * and the fields of a repeated header count as one list (HTTP APIs join them with commas anyway).
 */
final class TokenList {

  private TokenList() {}

  /**
   * The lower-cased tokens of {@code fields} in order, or {@code null} when an element is not a token
   * (the request is malformed and is refused as a whole).
   */
  static List<String> parse(List<String> fields) {
    List<String> tokens = new ArrayList<>();
    for (String field : fields) {
      int start = 0;
      int length = field.length();
      while (start <= length) {
        int comma = field.indexOf(',', start);
        int end = comma < 0 ? length : comma;
        int from = start;
        int to = end;
        while (from < to && isSpace(field.charAt(from))) {
          from++;
        }
        while (to > from && isSpace(field.charAt(to - 1))) {
          to--;
        }
        if (from < to) {
          if (!isToken(field, from, to)) {
            return null;
          }
          tokens.add(field.substring(from, to).toLowerCase(Locale.ROOT));
        }
        start = end + 1;
      }
    }
    return tokens;
  }

  /** Whether {@code text} is a non-empty RFC 9110 token. */
  static boolean isToken(String text) {
    return text != null && !text.isEmpty() && isToken(text, 0, text.length());
  }

  private static boolean isToken(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
