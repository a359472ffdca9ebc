package dev.vial.conditional;

import java.util.List;

/**
 * Entity-tag lists as {@code If-None-Match}, {@code If-Match} and {@code If-Range} carry them
 * (RFC 9110 §8.8.3, §13.1): {@code *}, or comma-separated tags such as {@code "a", W/"b"}. One
 * left-to-right pass per field, no regular expressions; an element that is not a well-formed tag
 * is skipped up to the next comma, so a malformed field simply matches nothing.
 *
 * <p>A compressed response carries its identity tag with a coding suffix ({@code "abc"} becomes
 * {@code "abc-gzip"}): tags are compared with that suffix removed, so a client that cached either
 * variant still gets its 304.
 */
public final class EntityTags {

  /** What the compression filter appends inside the quotes of a strong tag for a gzip body. */
  public static final String GZIP_SUFFIX = "-gzip";

  private EntityTags() {}

  /**
   * Whether any field value in {@code fields} is {@code *} or lists a tag that matches {@code etag}.
   *
   * @param fields the header's field values (several fields count as one list)
   * @param etag the response's {@code ETag}, e.g. {@code "abc"} or {@code W/"abc"}; {@code null} for none
   * @param strong strong comparison (both tags strong and equal, for {@code If-Match}) instead of weak
   *     comparison (opaque parts equal, for {@code If-None-Match})
   */
  public static boolean anyMatches(List<String> fields, String etag, boolean strong) {
    for (String field : fields) {
      if (matches(field, etag, strong)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #anyMatches} for one field value. */
  public static boolean matches(String field, String etag, boolean strong) {
    if (field == null) {
      return false;
    }
    String own = etag == null ? null : etag.trim();
    boolean ownWeak = own != null && own.startsWith("W/");
    String ownOpaque = own == null ? null : normalize(ownWeak ? own.substring(2) : own);
    int i = 0;
    int length = field.length();
    while (i < length) {
      char c = field.charAt(i);
      if (c == ' ' || c == '\t' || c == ',') {
        i++;
        continue;
      }
      if (c == '*') {
        int next = skipSpace(field, i + 1);
        if (next == length || field.charAt(next) == ',') {
          return own != null;
        }
        i = skipElement(field, i);
        continue;
      }
      boolean weak = false;
      int start = i;
      if (c == 'W' && i + 1 < length && field.charAt(i + 1) == '/') {
        weak = true;
        start = i + 2;
      }
      if (start >= length || field.charAt(start) != '"') {
        i = skipElement(field, i);
        continue;
      }
      int close = field.indexOf('"', start + 1);
      if (close < 0) {
        return false;
      }
      int after = skipSpace(field, close + 1);
      if (after < length && field.charAt(after) != ',') {
        i = skipElement(field, close + 1);
        continue;
      }
      if (own != null && !(strong && (weak || ownWeak))
          && sameOpaque(field, start, close + 1, ownOpaque)) {
        return true;
      }
      i = after;
    }
    return false;
  }

  /** {@code etag} for a body compressed with gzip: a strong tag gets the suffix, a weak one stays. */
  public static String forGzip(String etag) {
    if (etag == null || etag.startsWith("W/") || !etag.endsWith("\"") || etag.length() < 2
        || etag.endsWith(GZIP_SUFFIX + "\"")) {
      return etag;
    }
    return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
  }

  /** Whether {@code etag} is a well-formed strong tag (quoted, no {@code W/}). */
  public static boolean isStrong(String etag) {
    return etag != null && etag.length() >= 2 && etag.charAt(0) == '"' && etag.endsWith("\"")
        && etag.indexOf('"', 1) == etag.length() - 1;
  }

  private static boolean sameOpaque(String field, int from, int to, String ownOpaque) {
    int end = to;
    if (to - from >= GZIP_SUFFIX.length() + 2 && field.regionMatches(to - 1 - GZIP_SUFFIX.length(), GZIP_SUFFIX, 0,
        GZIP_SUFFIX.length())) {
      // compare "abc-gzip" as "abc": the part before the suffix, then the closing quote
      end = to - 1 - GZIP_SUFFIX.length();
      return ownOpaque.length() == end - from + 1 && field.regionMatches(from, ownOpaque, 0, end - from)
          && ownOpaque.charAt(ownOpaque.length() - 1) == '"';
    }
    return ownOpaque.length() == end - from && field.regionMatches(from, ownOpaque, 0, end - from);
  }

  /** The quoted opaque part with any coding suffix removed: {@code "abc-gzip"} → {@code "abc"}. */
  private static String normalize(String opaque) {
    String suffixed = GZIP_SUFFIX + "\"";
    if (opaque.length() >= suffixed.length() + 1 && opaque.endsWith(suffixed)) {
      return opaque.substring(0, opaque.length() - suffixed.length()) + "\"";
    }
    return opaque;
  }

  private static int skipSpace(String field, int from) {
    int i = from;
    while (i < field.length() && (field.charAt(i) == ' ' || field.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int skipElement(String field, int from) {
    int comma = field.indexOf(',', from);
    return comma < 0 ? field.length() : comma + 1;
  }
}
