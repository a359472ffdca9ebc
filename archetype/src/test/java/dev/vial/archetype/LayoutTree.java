package dev.vial.archetype;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A project layout as the README draws it: one entry per line, its first word a file or a folder (ending
 * in {@code /}), indented under its folder; the rest of the line says what it is for.
 */
final class LayoutTree {

  private LayoutTree() {}

  private record Folder(int indent, String path) {}

  /** Every entry's path, its folders' names in front: {@code hello/src/main/java/.../Main.java}. */
  static List<String> paths(String tree) {
    List<String> paths = new ArrayList<>();
    Deque<Folder> folders = new ArrayDeque<>();
    for (String line : tree.split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int indent = line.indexOf(entry);
      String name = entry.split("\\s+", 2)[0];
      while (!folders.isEmpty() && folders.peek().indent() >= indent) {
        folders.pop();
      }
      String path = (folders.isEmpty() ? "" : folders.peek().path()) + name;
      paths.add(path);
      if (name.endsWith("/")) {
        folders.push(new Folder(indent, path));
      }
    }
    return paths;
  }
}
