package dev.vial.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vial.Headers;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an invocation payload with Jackson's streaming parser into {@link EventFields}: no databind,
 * no event POJOs, one pass. Fields the adapter does not use are skipped without being materialised.
 * Header objects go straight into {@link Headers}; a REST or ALB event's {@code headers} object, which
 * its {@code multiValueHeaders} make redundant, is only scanned, and read after all when the other
 * turns out to be missing.
 */
final class EventReader {

  /** The key whose presence makes {@code headers} redundant for payload 1.0 and ALB events. */
  private static final byte[] MULTI_VALUE_HEADERS_KEY =
      "\"multiValueHeaders\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final JsonFactory factory;

  EventReader(JsonFactory factory) {
    this.factory = factory;
  }

  /** Parses {@code event}; an empty, non-JSON or non-object payload is an {@link UnsupportedEventException}. */
  EventFields read(byte[] event) {
    if (isBlank(event)) {
      throw new UnsupportedEventException("The event is empty (" + event.length + " bytes, no JSON)");
    }
    try (JsonParser parser = factory.createParser(event)) {
      JsonToken first = parser.nextToken();
      if (first == null) { // whitespace in an encoding isBlank does not know, such as UTF-32
        throw new UnsupportedEventException("The event is empty (" + event.length + " bytes of whitespace, no JSON)");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new UnsupportedEventException("The event is JSON but not an object (it starts with "
            + describe(first) + ")");
      }
      EventFields fields = new EventFields();
      // Only a hint (the text may sit inside a string): it lets `headers` be skipped, not dropped.
      boolean deferHeaders = contains(event, MULTI_VALUE_HEADERS_KEY);
      int deferredStart = -1;
      int deferredEnd = -1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        fields.topLevelKeys.add(name);
        if (deferHeaders && value == JsonToken.START_OBJECT && fields.multiHeaderFields == null
            && name.equals("headers")) {
          deferredStart = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          deferredEnd = (int) parser.currentTokenLocation().getByteOffset() + 1;
          fields.singleHeaderFields = null;
        } else {
          readTopLevel(parser, name, fields, event);
          if (name.equals("headers")) {
            deferredStart = -1;
          }
        }
      }
      if (parser.nextToken() != null) {
        throw new UnsupportedEventException("The event has data after its JSON object");
      }
      // Payload 2.0 reads `headers` whatever else the event carries.
      if (deferredStart >= 0 && (fields.multiHeaderFields == null || "2.0".equals(fields.version))) {
        try (JsonParser headers = factory.createParser(event, deferredStart, deferredEnd - deferredStart)) {
          headers.nextToken();
          fields.singleHeaderFields = headerFields(headers, false, event, deferredStart);
        }
      }
      return fields;
    } catch (JsonProcessingException e) {
      // a constraint violation (nesting depth, number length) may come without a location
      throw new UnsupportedEventException("The event is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? ""
              : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), e);
    } catch (CharConversionException e) {
      // Jackson guesses UTF-16 or UTF-32 from leading zero bytes; such a payload is not a text event either.
      throw new UnsupportedEventException("The event is not JSON text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the event", e);
    }
  }

  private void readTopLevel(JsonParser p, String name, EventFields f, byte[] event) throws IOException {
    switch (name) {
      case "version" -> f.version = text(p);
      case "resource" -> f.hasResource = isPresent(p);
      case "httpMethod" -> f.httpMethod = text(p);
      case "path" -> f.path = text(p);
      case "rawPath" -> f.rawPath = text(p);
      case "rawQueryString" -> f.rawQueryString = text(p);
      case "headers" -> f.singleHeaderFields = headerFields(p, false, event, 0);
      case "multiValueHeaders" -> f.multiHeaderFields = headerFields(p, true, event, 0);
      case "queryStringParameters" -> f.queryStringParameters = stringMap(p);
      case "multiValueQueryStringParameters" -> f.multiValueQueryStringParameters = listMap(p);
      case "cookies" -> f.cookies = stringList(p);
      case "body" -> f.body = text(p);
      case "isBase64Encoded" -> f.isBase64Encoded = p.currentToken() == JsonToken.VALUE_TRUE;
      case "stageVariables" -> f.stageVariables = stringMap(p);
      case "methodArn", "routeArn" -> f.authorizerInput |= isPresent(p);
      case "requestContext" -> readRequestContext(p, f);
      default -> p.skipChildren();
    }
  }

  private static void readRequestContext(JsonParser p, EventFields f) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    f.hasRequestContext = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "elb" -> {
          f.hasElb = value == JsonToken.START_OBJECT;
          p.skipChildren();
        }
        case "eventType", "connectionId" -> {
          String marker = text(p);
          if (marker != null && f.webSocketMarker == null) {
            f.webSocketMarker = "requestContext." + name + "=" + marker;
          }
        }
        case "apiId" -> f.apiId = text(p);
        case "domainName" -> f.domainName = text(p);
        case "stage" -> f.stage = text(p);
        case "path" -> f.contextPath = text(p);
        case "identity" -> f.identitySourceIp = sourceIp(p, f, false);
        case "http" -> f.httpSourceIp = sourceIp(p, f, true);
        case "authorizer" -> f.authorizer = objectMap(p);
        default -> p.skipChildren();
      }
    }
  }

  /** Reads {@code sourceIp} (and, for {@code requestContext.http}, {@code method}) from a nested object. */
  private static String sourceIp(JsonParser p, EventFields f, boolean httpBlock) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String ip = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("sourceIp")) {
        ip = text(p);
      } else if (httpBlock && name.equals("method")) {
        f.httpMethodV2 = text(p);
      } else {
        p.skipChildren();
      }
    }
    return ip;
  }

  /**
   * A header object read straight into {@link Headers}: scalar values (and, for {@code multi}, the scalars
   * of array values) in order; {@code null} when the value is not an object. {@code base} is where the
   * parser's input starts in {@code event}. A name that repeats inside the object (invalid for API
   * Gateway, but parseable) is read again as a map, so the last occurrence wins as it always has.
   */
  private Headers headerFields(JsonParser p, boolean multi, byte[] event, int base) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    int start = base + (int) p.currentTokenLocation().getByteOffset();
    Headers.Builder builder = Headers.builder();
    String[] seen = new String[16];
    int count = 0;
    boolean repeated = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (repeated) {
        p.skipChildren();
        continue;
      }
      for (int i = 0; i < count; i++) {
        if (seen[i].equals(name)) {
          repeated = true;
          break;
        }
      }
      if (repeated) {
        p.skipChildren();
        continue;
      }
      if (count == seen.length) {
        seen = java.util.Arrays.copyOf(seen, count * 2);
      }
      seen[count++] = name;
      if (multi && value == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String text = scalar(p);
          if (text != null) {
            builder.add(name, text);
          }
        }
      } else {
        String text = scalar(p);
        if (text != null) {
          builder.add(name, text);
        }
      }
    }
    if (!repeated) {
      return builder.build();
    }
    int end = base + (int) p.currentTokenLocation().getByteOffset() + 1;
    try (JsonParser again = factory.createParser(event, start, end - start)) {
      again.nextToken();
      return multi ? Envelopes.fromMulti(listMap(again)) : Envelopes.fromSingle(stringMap(again));
    }
  }

  private static boolean contains(byte[] bytes, byte[] key) {
    byte first = key[0];
    int last = bytes.length - key.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (bytes[i] != first) {
        continue;
      }
      for (int k = 1; k < key.length; k++) {
        if (bytes[i + k] != key[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The value if it is a JSON string; {@code null} (after skipping it) for anything else. */
  private static String text(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** A scalar as text (numbers and booleans too, as some emulators send them); {@code null} for null or structures. */
  private static String scalar(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isScalarValue()) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static Map<String, String> stringMap(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      String value = scalar(p);
      if (value != null) {
        map.put(name, value);
      }
    }
    return map;
  }

  private static Map<String, List<String>> listMap(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      List<String> values = p.currentToken() == JsonToken.START_ARRAY ? stringList(p) : single(scalar(p));
      if (values != null && !values.isEmpty()) {
        map.put(name, values);
      }
    }
    return map;
  }

  private static List<String> single(String value) {
    return value == null ? null : List.of(value);
  }

  private static List<String> stringList(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    List<String> list = new ArrayList<>(4);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String value = scalar(p);
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }

  /** Any JSON object as plain maps, lists, strings, numbers and booleans (authorizer data). */
  private static Map<String, Object> objectMap(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, anyValue(p));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object anyValue(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> objectMap(p);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(anyValue(p));
        }
        yield Collections.unmodifiableList(list);
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Whether the current value is not JSON null; skips it. */
  private static boolean isPresent(JsonParser p) throws IOException {
    boolean present = p.currentToken() != JsonToken.VALUE_NULL;
    p.skipChildren();
    return present;
  }

  private static boolean isBlank(byte[] event) {
    for (byte b : event) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }
}
