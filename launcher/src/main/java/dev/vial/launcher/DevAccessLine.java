package dev.vial.launcher;

import java.io.PrintStream;
import java.util.Map;

/**
 * Dev mode's compact access line for a terminal: {@code 14:02:07 GET /users/42 200 3ms}, the status
 * coloured by class (2xx green, 3xx cyan, 4xx yellow, 5xx red) unless {@code NO_COLOR} is set
 * (no-color.org). Written only when the JVM has a console, in place of the server's access line; otherwise the server's line stays.
 */
final class DevAccessLine {

  private static final String RESET = "\u001b[0m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";

  private final PrintStream out;
  private final boolean colour;

  DevAccessLine(PrintStream out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  /** The line for a terminal, or {@code null} when there is none (a pipe, a file, an IDE without a console). */
  static DevAccessLine forConsole(boolean hasConsole, Map<String, String> env, PrintStream out) {
    if (!hasConsole) {
      return null;
    }
    String noColor = env.get("NO_COLOR");
    return new DevAccessLine(out, noColor == null || noColor.isEmpty());
  }

  void print(String time, String method, String rawPath, String rawQuery, int status, long millis) {
    out.println(format(time, method, rawPath, rawQuery, status, millis));
  }

  String format(String time, String method, String rawPath, String rawQuery, int status, long millis) {
    StringBuilder line = new StringBuilder(64);
    dim(line, time).append(' ');
    if (colour) {
      line.append(BOLD).append(method).append(RESET);
    } else {
      line.append(method);
    }
    line.append(' ').append(printable(rawPath));
    if (rawQuery != null) {
      line.append('?').append(printable(rawQuery));
    }
    line.append(' ');
    if (colour) {
      line.append(statusColour(status)).append(status).append(RESET);
    } else {
      line.append(status);
    }
    line.append(' ');
    return dim(line, millis + "ms").toString();
  }

  private StringBuilder dim(StringBuilder line, String text) {
    return colour ? line.append(DIM).append(text).append(RESET) : line.append(text);
  }

  private static String statusColour(int status) {
    if (status >= 500) {
      return "\u001b[31m";
    }
    if (status >= 400) {
      return "\u001b[33m";
    }
    if (status >= 300) {
      return "\u001b[36m";
    }
    return "\u001b[32m";
  }

  /** A raw path is the client's bytes: control characters (an escape sequence aimed at the terminal) become {@code ?}. */
  private static String printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        StringBuilder clean = new StringBuilder(text);
        for (int j = i; j < clean.length(); j++) {
          if (Character.isISOControl(clean.charAt(j))) {
            clean.setCharAt(j, '?');
          }
        }
        return clean.toString();
      }
    }
    return text;
  }
}
