package dev.vial.archetype;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An excerpt of a pom as the README shows it: lines that are exactly {@code <!-- ... -->} mark left-out
 * parts, and every other part must appear in the pom, in order, as it is (whitespace aside).
 */
final class PomExcerpt {

  private static final String ELISION = "<!-- ... -->";
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern SPACE_BETWEEN_TAGS = Pattern.compile(">\\s+<");

  private PomExcerpt() {}

  /** The first part of {@code excerpt} that {@code pom} lacks (or has only out of order), or {@code null}. */
  static String firstMissingPart(String excerpt, String pom) {
    String text = normalize(pom);
    int from = 0;
    for (String part : parts(excerpt)) {
      int at = text.indexOf(part, from);
      if (at < 0) {
        return part;
      }
      from = at + part.length();
    }
    return null;
  }

  private static List<String> parts(String excerpt) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String line : excerpt.split("\n")) {
      if (line.strip().equals(ELISION)) {
        addIfNotBlank(parts, part);
        part.setLength(0);
      } else {
        part.append(line).append('\n');
      }
    }
    addIfNotBlank(parts, part);
    return parts;
  }

  private static void addIfNotBlank(List<String> parts, CharSequence part) {
    String normalized = normalize(part.toString());
    if (!normalized.isEmpty()) {
      parts.add(normalized);
    }
  }

  private static String normalize(String xml) {
    return SPACE_BETWEEN_TAGS.matcher(SPACE.matcher(xml).replaceAll(" ")).replaceAll("><").strip();
  }
}
