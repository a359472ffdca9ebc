package dev.vial.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a command, checked against the names it knows. */
final class CommandLine {

  private final Map<String, String> values = new LinkedHashMap<>();

  private CommandLine() {}

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException for an unknown option, a repeated one or one without its value
   */
  static CommandLine parse(String[] args, Set<String> known) {
    CommandLine line = new CommandLine();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!known.contains(name)) {
        throw new IllegalArgumentException("Unknown option '" + name + "' (known: " + String.join(", ", known) + ")");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      if (line.values.put(name, args[++i]) != null) {
        throw new IllegalArgumentException("Option " + name + " is given twice");
      }
    }
    return line;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value of {@code name} as one of {@code choices} (lower case on the command line). */
  <E extends Enum<E>> E choice(String name, Map<String, E> choices, E fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!choices.containsKey(value)) {
      throw new IllegalArgumentException("Option " + name + " must be one of " + String.join(", ", choices.keySet())
          + ", got '" + value + "'");
    }
    return choices.get(value);
  }
}
