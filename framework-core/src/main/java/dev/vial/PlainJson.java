package dev.vial;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the plain values most handlers return (maps with string keys, collections, strings, numbers,
 * booleans and null) with jackson-core alone. The output is byte for byte what a default
 * {@code ObjectMapper} writes, since both go through the same generator; skipping databind saves a
 * cold start the few hundred milliseconds an {@code ObjectMapper} costs to create.
 */
final class PlainJson {

  private static final int MAX_DEPTH = 100;

  /**
   * Created when the first JSON is written, not when the app compiles its routes: creating a
   * {@code JsonFactory} loads some forty jackson-core classes, which a first {@code GET /} answering
   * text would otherwise wait for.
   */
  private static final class Factory {
    static final JsonFactory INSTANCE = new JsonFactory();
  }

  /** The JSON for {@code value}, or {@code null} when it holds anything but plain values. */
  byte[] write(Object value) {
    if (!isPlain(value, 0)) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = Factory.INSTANCE.createGenerator(out)) {
      writeValue(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  private static boolean isPlain(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (value == null || value instanceof String || value instanceof Boolean || isPlainNumber(value)) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        if (!isPlain(element, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isPlainNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
        || value instanceof Short || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal;
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Double number) {
      json.writeNumber(number);
    } else if (value instanceof Float number) {
      json.writeNumber(number);
    } else if (value instanceof BigInteger number) {
      json.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      json.writeNumber(number);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName((String) entry.getKey());
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeStartArray();
      for (Object element : (Collection<?>) value) {
        writeValue(json, element);
      }
      json.writeEndArray();
    }
  }
}
