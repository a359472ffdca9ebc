package dev.vial.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Markdown README as the integration tests read it: level-2 sections, fenced code blocks, commands. */
final class Readme {

  private static final String FENCE = "```";

  private final List<String> lines;

  private Readme(List<String> lines) {
    this.lines = lines;
  }

  static Readme read(Path file) throws IOException {
    return new Readme(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The lines under {@code ## heading}, up to the next level-2 heading; fails when there is no such section. */
  Readme section(String heading) {
    int start = lines.indexOf("## " + heading);
    if (start < 0) {
      throw new AssertionError("The README has no section \"## " + heading + "\"");
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    return new Readme(lines.subList(start + 1, end));
  }

  /** The contents of the fenced code blocks opened with {@code ```language}, in order. */
  List<String> codeBlocks(String language) {
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals(FENCE + language)) {
        StringBuilder block = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
          block.append(lines.get(i)).append('\n');
        }
        blocks.add(block.toString());
      }
    }
    return blocks;
  }

  /** The commands of every {@code ```sh} block, in order: a line ending in a backslash continues on the next. */
  List<String> shellCommands() {
    List<String> commands = new ArrayList<>();
    for (String block : codeBlocks("sh")) {
      StringBuilder command = new StringBuilder();
      for (String line : block.split("\n")) {
        String code = line.replaceFirst("\\s+#.*$", "").strip();
        if (code.endsWith("\\")) {
          command.append(code, 0, code.length() - 1).append(' ');
        } else if (!code.isEmpty() || command.length() > 0) {
          commands.add(command.append(code).toString().strip());
          command.setLength(0);
        }
      }
    }
    return commands;
  }
}
