package dev.vial.files;

import dev.vial.conditional.EntityTags;
import dev.vial.http.HttpDates;
import java.time.Instant;
import java.util.List;

/**
 * A single byte range (RFC 9110 §14.1.2), parsed from a {@code Range} header in one pass without
 * regular expressions: {@code bytes=0-9}, {@code bytes=500-} or {@code bytes=-500}.
 *
 * <p>{@link #parse} answers {@code null} when the header is to be ignored and the whole representation
 * sent (allowed by the RFC): no header or several, another unit, a syntax error, several ranges, or an
 * empty representation. It answers {@link #UNSATISFIABLE} when the one range lies wholly past the end
 * (the caller answers 416). Numbers too long for a {@code long} saturate instead of overflowing.
 *
 * @param first the first byte's index
 * @param last the last byte's index, inclusive
 */
record ByteRange(long first, long last) {

  /** A syntactically valid single range that selects nothing of the representation. */
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  /** How many bytes the range selects. */
  long length() {
    return last - first + 1;
  }

  /** The range {@code fields} ask for in a representation of {@code length} bytes; see the class comment. */
  static ByteRange parse(List<String> fields, long length) {
    if (fields.size() != 1 || length <= 0) {
      return null;
    }
    String value = fields.get(0);
    int end = value.length();
    int i = 0;
    while (i < end && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
      i++;
    }
    while (end > i && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end - i < 6 || !value.regionMatches(true, i, "bytes=", 0, 6)) {
      return null;
    }
    i += 6;
    ByteRange found = null;
    while (i < end) {
      char c = value.charAt(i);
      if (c == ' ' || c == '\t' || c == ',') {
        i++;
        continue;
      }
      if (found != null) {
        return null; // several ranges: the whole representation instead (multipart/byteranges is not offered)
      }
      long first = -1;
      int digits = i;
      long number = 0;
      while (i < end && isDigit(value.charAt(i))) {
        number = saturatedTimesTenPlus(number, value.charAt(i) - '0');
        i++;
      }
      if (i > digits) {
        first = number;
      }
      if (i >= end || value.charAt(i) != '-') {
        return null;
      }
      i++;
      digits = i;
      number = 0;
      while (i < end && isDigit(value.charAt(i))) {
        number = saturatedTimesTenPlus(number, value.charAt(i) - '0');
        i++;
      }
      boolean hasLast = i > digits;
      if (i < end && value.charAt(i) != ',' && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
        return null;
      }
      if (first < 0) {
        if (!hasLast) {
          return null; // a lone "-"
        }
        found = number == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, length - number), length - 1);
      } else if (hasLast && number < first) {
        return null; // last before first: invalid, so ignored
      } else if (first >= length) {
        found = UNSATISFIABLE;
      } else {
        found = new ByteRange(first, hasLast ? Math.min(number, length - 1) : length - 1);
      }
    }
    return found;
  }

  /**
   * Whether an {@code If-Range} allows the range (RFC 9110 §13.1.5): true without one; with an entity
   * tag, only when it is strong and equals {@code etag}; with a date, only when it equals
   * {@code lastModified} exactly. Anything else (a weak tag, a malformed value) means: send it all.
   */
  static boolean ifRangeAllows(List<String> ifRange, String etag, String lastModified) {
    if (ifRange.isEmpty()) {
      return true;
    }
    if (ifRange.size() != 1) {
      return false;
    }
    String value = ifRange.get(0).trim();
    if (value.startsWith("\"") || value.startsWith("W/")) {
      return EntityTags.isStrong(value) && value.equals(etag);
    }
    Instant date = HttpDates.parse(value);
    Instant modified = HttpDates.parse(lastModified);
    return date != null && date.equals(modified);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long saturatedTimesTenPlus(long number, int digit) {
    if (number > (Long.MAX_VALUE - digit) / 10) {
      return Long.MAX_VALUE;
    }
    return number * 10 + digit;
  }
}
