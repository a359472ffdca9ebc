package dev.vial.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes a tree of JSON nodes as block-style YAML, for templates a person reads. Only the subset JSON
 * needs: maps, lists, strings, numbers, booleans, null. A string is written plain only when it cannot
 * be read as anything else (letters, digits and {@code _ . / - :} with a letter or {@code /} first, no
 * {@code ": "}, not a YAML keyword); every other string is double-quoted with JSON's escapes, which are
 * valid YAML escapes too. That avoids a YAML library (jackson-dataformat-yaml pulls SnakeYAML in).
 */
final class YamlWriter {

  /** Words YAML 1.1 (still read by CloudFormation tools) would take for booleans or null. */
  private static final Set<String> KEYWORDS = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

  private YamlWriter() {}

  /** {@code root} (a map) as YAML, ending with a newline. */
  static String write(JsonNode root) {
    StringBuilder out = new StringBuilder();
    writeMap(root, 0, out);
    return out.toString();
  }

  private static void writeMap(JsonNode map, int indent, StringBuilder out) {
    Iterator<Map.Entry<String, JsonNode>> fields = map.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      pad(out, indent).append(scalar(field.getKey())).append(':');
      writeValue(field.getValue(), indent, out);
    }
  }

  /** Writes the value after a {@code key:} or {@code -}: inline when it is a scalar or empty, else on the next lines. */
  private static void writeValue(JsonNode value, int indent, StringBuilder out) {
    if (value.isObject() && !value.isEmpty()) {
      out.append('\n');
      writeMap(value, indent + 2, out);
    } else if (value.isArray() && !value.isEmpty()) {
      out.append('\n');
      for (JsonNode item : value) {
        pad(out, indent + 2).append('-');
        if (item.isObject() && !item.isEmpty()) {
          // "- key: value" with the rest of the map aligned under the first key
          StringBuilder nested = new StringBuilder();
          writeMap(item, indent + 4, nested);
          out.append(' ').append(nested, indent + 4, nested.length());
        } else {
          writeValue(item, indent + 2, out);
        }
      }
    } else {
      out.append(' ').append(inline(value)).append('\n');
    }
  }

  private static String inline(JsonNode value) {
    if (value.isObject()) {
      return "{}";
    }
    if (value.isArray()) {
      return "[]";
    }
    if (value.isTextual()) {
      return scalar(value.asText());
    }
    return value.toString();
  }

  static String scalar(String text) {
    return isPlain(text) ? text : JsonNodeFactory.instance.textNode(text).toString();
  }

  private static boolean isPlain(String text) {
    if (text.isEmpty() || KEYWORDS.contains(text.toLowerCase(java.util.Locale.ROOT))) {
      return false;
    }
    char first = text.charAt(0);
    if (!(Character.isLetter(first) && first < 128) && first != '/') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '-'
          || c == ':');
      if (!allowed) {
        return false;
      }
    }
    return !text.endsWith(":");
  }

  private static StringBuilder pad(StringBuilder out, int indent) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
    return out;
  }
}
