package dev.vial.server.http1;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header's value for now, formatted at most once a second and shared by every connection. */
public final class HttpDate {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private record Stamp(long second, String text) {}

  private volatile Stamp current = new Stamp(-1, "");

  /** The current date in IMF-fixdate form, e.g. {@code Mon, 30 Nov 2026 04:00:00 GMT}. */
  public String now() {
    long second = System.currentTimeMillis() / 1000;
    Stamp stamp = current;
    if (stamp.second != second) {
      stamp = new Stamp(second, format(second));
      current = stamp;
    }
    return stamp.text;
  }

  private static String format(long second) {
    String text = FORMAT.format(Instant.ofEpochSecond(second));
    // RFC_1123_DATE_TIME writes a one-digit day as "1"; HTTP's IMF-fixdate wants two digits.
    return text.charAt(6) == ' ' ? text.substring(0, 5) + "0" + text.substring(5) : text;
  }
}
