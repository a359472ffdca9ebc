package dev.vial;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The app's one Jackson mapper, created on first use so that apps (and requests) that never touch
 * JSON never pay for loading databind. With the default mapper, plain response values (maps, lists,
 * strings, numbers) are written by {@link PlainJson} without creating the mapper at all.
 */
final class JsonSupport {

  private final Supplier<ObjectMapper> factory;
  private final PlainJson plain;
  private volatile ObjectMapper mapper;

  /** {@code factory} {@code null} means the default mapper, whose output {@link PlainJson} reproduces. */
  JsonSupport(Supplier<ObjectMapper> factory) {
    // No ObjectMapper::new here: resolving that method reference would load databind at construction.
    this.factory = factory;
    this.plain = factory == null ? new PlainJson() : null;
  }

  ObjectMapper mapper() {
    ObjectMapper current = mapper;
    if (current == null) {
      synchronized (this) {
        current = mapper;
        if (current == null) {
          current = factory == null ? new ObjectMapper() : factory.get();
          if (current == null) {
            throw new IllegalStateException("The app's JSON mapper factory returned null");
          }
          mapper = current;
        }
      }
    }
    return current;
  }

  byte[] write(Object value) throws JsonProcessingException {
    byte[] json = plain == null ? null : plain.write(value);
    return json != null ? json : mapper().writeValueAsBytes(value);
  }

  <T> T read(byte[] body, Class<T> type) {
    return read(body, mapper().constructType(type));
  }

  <T> T read(byte[] body, TypeReference<T> type) {
    return read(body, mapper().getTypeFactory().constructType(type));
  }

  private <T> T read(byte[] body, JavaType type) {
    if (body.length == 0) {
      throw new HttpException(400, "Request body is empty; a JSON body is required");
    }
    try {
      T value = mapper().readValue(body, type);
      if (value == null) {
        throw new HttpException(400, "JSON body is null; a " + simpleName(type) + " is required");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw badRequest(describe(e, type), e);
    } catch (IOException e) {
      throw badRequest("Unreadable JSON body", e);
    }
  }

  private static String describe(JsonProcessingException e, JavaType type) {
    // Databind wraps syntax errors met inside nested values; the syntax error is what the client must fix.
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamReadException syntax) {
        return "Malformed JSON body: " + syntax.getOriginalMessage() + at(syntax.getLocation());
      }
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      // Jackson's own message names the Java class; the client only needs the field.
      return "JSON body does not match " + simpleName(type) + ": unknown field '" + unknown.getPropertyName() + "'"
          + at(unknown.getLocation());
    }
    return "JSON body does not match " + simpleName(type) + field(e) + ": "
        + JacksonMessages.withSimpleTypeNames(e.getOriginalMessage()) + at(e.getLocation());
  }

  private static HttpException badRequest(String message, Throwable cause) {
    return new HttpException(400, message, Headers.empty(), cause);
  }

  private static String simpleName(JavaType type) {
    return type.getRawClass().getSimpleName();
  }

  /** Where in the document the mismatch is, as a JSON path: {@code at 'items[2].price'}. */
  private static String field(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " at '" + path + "'";
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
