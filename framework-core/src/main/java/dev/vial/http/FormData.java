package dev.vial.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text: query strings and form bodies.
 *
 * <p>Names and values are decoded once ({@code +} is a space); repeated names keep every value in
 * order; a pair without {@code =} has the empty value; empty pairs ({@code a=1&&b=2}) are skipped.
 */
public final class FormData {

  private FormData() {}

  /** Parses {@code raw} (without the leading {@code ?}) into an ordered, unmodifiable multi-map. */
  public static Map<String, List<String>> parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    int length = raw.length();
    while (start <= length) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int equals = indexOf(raw, '=', start, end);
        String name;
        String value;
        if (equals < 0) {
          name = PercentDecoding.decodeFormComponent(raw, start, end);
          value = "";
        } else {
          name = PercentDecoding.decodeFormComponent(raw, start, equals);
          value = PercentDecoding.decodeFormComponent(raw, equals + 1, end);
        }
        List<String> values = params.get(name);
        if (values == null) {
          values = new ArrayList<>(1);
          params.put(name, values);
        }
        values.add(value);
      }
      start = end + 1;
    }
    return freeze(params);
  }

  /** The first {@code c} in {@code text[from, to)}, or -1; bounded so that parsing stays linear in the input. */
  static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Makes each value list and the map itself unmodifiable, keeping the order; {@code null} is empty. */
  public static Map<String, List<String>> freeze(Map<String, List<String>> params) {
    if (params == null || params.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>(params.size() * 2);
    for (Map.Entry<String, List<String>> entry : params.entrySet()) {
      frozen.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    return Collections.unmodifiableMap(frozen);
  }
}
