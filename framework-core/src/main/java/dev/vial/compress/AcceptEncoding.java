package dev.vial.compress;

import java.util.List;

/**
 * Reads {@code Accept-Encoding} (RFC 9110 §12.5.3): which content codings a client takes, with their
 * q-values. One left-to-right pass over each field, no regular expressions, no allocation per element.
 *
 * <p>A coding the client names counts with its own weight ({@code gzip;q=0} refuses gzip even next to
 * {@code *}); one it does not name takes the weight of {@code *}, if present; otherwise it is not
 * acceptable. A missing or empty header accepts no coding, so the body goes out as it is. An element
 * with a malformed q-value is ignored.
 */
public final class AcceptEncoding {

  /** Weights are kept in thousandths: {@code q=0.5} → 500. */
  public static final int NOT_ACCEPTABLE = 0;

  private AcceptEncoding() {}

  /**
   * The client's weight for {@code coding} in thousandths (0 to 1000); 0 when it is not acceptable.
   * {@code x-gzip} counts as {@code gzip}.
   */
  public static int weight(List<String> fields, String coding) {
    int named = -1;
    int wildcard = -1;
    for (String field : fields) {
      int i = 0;
      int length = field.length();
      while (i < length) {
        int end = field.indexOf(',', i);
        if (end < 0) {
          end = length;
        }
        int nameStart = skipSpace(field, i, end);
        int nameEnd = nameStart;
        while (nameEnd < end && isTokenChar(field.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd > nameStart) {
          int q = quality(field, nameEnd, end);
          if (q >= 0) {
            if (isCoding(field, nameStart, nameEnd, coding)) {
              named = Math.max(named, q);
            } else if (nameEnd - nameStart == 1 && field.charAt(nameStart) == '*') {
              wildcard = Math.max(wildcard, q);
            }
          }
        }
        i = end + 1;
      }
    }
    if (named >= 0) {
      return named;
    }
    return Math.max(wildcard, NOT_ACCEPTABLE);
  }

  /** Whether the client takes {@code coding} with a non-zero weight. */
  public static boolean accepts(List<String> fields, String coding) {
    return weight(fields, coding) > NOT_ACCEPTABLE;
  }

  /** The q-value in thousandths of the parameters in {@code [from, end)}; 1000 without one; -1 when malformed. */
  private static int quality(String field, int from, int end) {
    int i = skipSpace(field, from, end);
    int q = 1000;
    while (i < end) {
      if (field.charAt(i) != ';') {
        return -1;
      }
      i = skipSpace(field, i + 1, end);
      int nameStart = i;
      while (i < end && field.charAt(i) != '=' && field.charAt(i) != ';') {
        i++;
      }
      int nameEnd = i;
      while (nameEnd > nameStart && (field.charAt(nameEnd - 1) == ' ' || field.charAt(nameEnd - 1) == '\t')) {
        nameEnd--;
      }
      boolean isQ = nameEnd - nameStart == 1 && (field.charAt(nameStart) == 'q' || field.charAt(nameStart) == 'Q');
      if (i >= end || field.charAt(i) != '=') {
        return -1;
      }
      i = skipSpace(field, i + 1, end);
      int valueStart = i;
      while (i < end && field.charAt(i) != ';' && field.charAt(i) != ' ' && field.charAt(i) != '\t') {
        i++;
      }
      if (isQ) {
        q = parseQ(field, valueStart, i);
        if (q < 0) {
          return -1;
        }
      }
      i = skipSpace(field, i, end);
    }
    return q;
  }

  /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )} in thousandths, or -1. */
  private static int parseQ(String field, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 5) {
      return -1;
    }
    char first = field.charAt(from);
    if (first != '0' && first != '1') {
      return -1;
    }
    int value = (first - '0') * 1000;
    if (length == 1) {
      return value;
    }
    if (field.charAt(from + 1) != '.') {
      return -1;
    }
    int scale = 100;
    for (int i = from + 2; i < to; i++) {
      char c = field.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value += (c - '0') * scale;
      scale /= 10;
    }
    return value > 1000 ? -1 : value;
  }

  private static boolean isCoding(String field, int from, int to, String coding) {
    int length = to - from;
    if (length == coding.length() && field.regionMatches(true, from, coding, 0, length)) {
      return true;
    }
    return coding.equals("gzip") && length == 6 && field.regionMatches(true, from, "x-gzip", 0, 6);
  }

  private static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && c != ',' && c != ';' && c != '=' && c != '"';
  }

  private static int skipSpace(String field, int from, int end) {
    int i = from;
    while (i < end && (field.charAt(i) == ' ' || field.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
