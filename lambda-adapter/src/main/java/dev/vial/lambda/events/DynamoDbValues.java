package dev.vial.lambda.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB's typed attribute values ({@code {"S":"x"}}, {@code {"M":{...}}}, ...) as plain Java values. */
final class DynamoDbValues {

  /** DynamoDB numbers carry at most 38 digits; a longer text is hostile (and slow to parse), not a number. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private DynamoDbValues() {}

  /** An item ({@code Keys}, {@code NewImage}, {@code OldImage}): attribute name to plain value. */
  static Map<String, Object> item(Map<String, Object> attributes) {
    Map<String, Object> item = new LinkedHashMap<>();
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      item.put(attribute.getKey(), value(attribute.getKey(), attribute.getValue()));
    }
    return Collections.unmodifiableMap(item);
  }

  @SuppressWarnings("unchecked")
  private static Object value(String name, Object typed) {
    if (!(typed instanceof Map<?, ?> map) || map.size() != 1) {
      throw new IllegalArgumentException("DynamoDB attribute '" + name
          + "' is not an object with exactly one type key (S, N, B, BOOL, NULL, L, M, SS, NS, BS)");
    }
    Map.Entry<String, Object> entry = ((Map<String, Object>) map).entrySet().iterator().next();
    Object value = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> string(name, value);
      case "N" -> number(name, value);
      case "B" -> bytes(name, value);
      case "BOOL" -> {
        if (!(value instanceof Boolean bool)) {
          throw new IllegalArgumentException("DynamoDB attribute '" + name + "' BOOL is not a boolean");
        }
        yield bool;
      }
      case "NULL" -> null;
      case "M" -> {
        if (!(value instanceof Map<?, ?> members)) {
          throw new IllegalArgumentException("DynamoDB attribute '" + name + "' M is not an object");
        }
        yield item((Map<String, Object>) members);
      }
      case "L" -> {
        List<Object> list = new ArrayList<>();
        for (Object element : list(name, value)) {
          list.add(value(name, element));
        }
        yield Collections.unmodifiableList(list);
      }
      case "SS" -> set(name, value, 'S');
      case "NS" -> set(name, value, 'N');
      case "BS" -> set(name, value, 'B');
      default -> throw new IllegalArgumentException("DynamoDB attribute '" + name + "' has unknown type '"
          + entry.getKey() + "'");
    };
  }

  private static List<Object> set(String name, Object value, char type) {
    List<Object> set = new ArrayList<>();
    for (Object element : list(name, value)) {
      set.add(type == 'S' ? string(name, element) : type == 'N' ? number(name, element) : bytes(name, element));
    }
    return Collections.unmodifiableList(set);
  }

  private static List<?> list(String name, Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("DynamoDB attribute '" + name + "' is not an array where one is required");
    }
    return list;
  }

  private static String string(String name, Object value) {
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("DynamoDB attribute '" + name + "' has a non-string where a string is required");
    }
    return text;
  }

  private static BigDecimal number(String name, Object value) {
    String text = string(name, value);
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw new IllegalArgumentException("DynamoDB attribute '" + name + "' N has " + text.length()
          + " characters; at most " + MAX_NUMBER_LENGTH + " are read");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DynamoDB attribute '" + name + "' N is not a number: \"" + text + "\"", e);
    }
  }

  private static byte[] bytes(String name, Object value) {
    try {
      return Base64.getDecoder().decode(string(name, value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DynamoDB attribute '" + name + "' B is not base64: " + e.getMessage(), e);
    }
  }
}
