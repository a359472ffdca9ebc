package dev.vial.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7): written in the preferred IMF-fixdate form
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}); read in that form only, as most servers do, since
 * clients send back the {@code Last-Modified} value they were given.
 */
public final class HttpDates {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** IMF-fixdate is exactly 29 characters: anything longer is not worth handing to the parser. */
  private static final int LENGTH = 29;

  private HttpDates() {}

  /** {@code instant} as an IMF-fixdate, to the second. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /** The instant an IMF-fixdate names, or {@code null} when {@code text} is not one. */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.length() != LENGTH || !trimmed.endsWith(" GMT")) {
      return null;
    }
    try {
      return IMF_FIXDATE.parse(trimmed, Instant::from);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
