package dev.vial.lambda.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service events as plain Java values, read with Jackson's streaming parser: objects become ordered
 * maps, arrays lists, strings strings, integers {@code Long} (or {@code BigInteger}), fractions
 * {@code BigDecimal}. No databind and no event POJOs; recursion is bounded by the parser's nesting limit.
 * Also the few typed look-ups the record readers share.
 */
final class JsonValues {

  private JsonValues() {}

  /** The value the parser stands on (after {@code nextToken()}), consumed. */
  static Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }

  /** Writes a plain value back as JSON text (the inverse of {@link #read}). */
  static String write(JsonFactory factory, Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = factory.createGenerator(out)) {
      write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        write(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        write(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Number number) {
      json.writeNumber(number.toString());
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else {
      json.writeNull();
    }
  }

  /** {@code map.get(key)} if it is an object, else an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof Map<?, ?> value ? (Map<String, Object>) value : Map.of();
  }

  /** {@code map.get(key)} if it is an array, else an empty list. */
  @SuppressWarnings("unchecked")
  static List<Object> array(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof List<?> value ? (List<Object>) value : List.of();
  }

  /** {@code map.get(key)} if it is a string, else {@code null}. */
  static String text(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof String value ? value : null;
  }

  /** {@code map.get(key)} if it is a string or a number (as its text), else {@code null}. */
  static String scalar(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
  }

  /** {@code map.get(key)} if it is a whole number, else {@code null}. */
  static Long whole(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof Long number ? number : null;
  }

  /** {@code map.get(key)} as a decimal if it is a number, else {@code null}. */
  static BigDecimal decimal(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    return value instanceof Number number ? new BigDecimal(number.toString()) : null;
  }

  /** The values of an object whose members are strings, as an unmodifiable map (others skipped). */
  static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (entry.getValue() instanceof String || entry.getValue() instanceof Number || entry.getValue() instanceof Boolean) {
        strings.put(entry.getKey(), entry.getValue().toString());
      }
    }
    return Collections.unmodifiableMap(strings);
  }

  /** The part of an ARN after its last {@code separator}; {@code null} for {@code null}. */
  static String lastPart(String arn, char separator) {
    return arn == null ? null : arn.substring(arn.lastIndexOf(separator) + 1);
  }
}
