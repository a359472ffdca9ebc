package dev.vial.lambda;

import dev.vial.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Helpers the codecs share: validating method and path, and moving headers between events and {@link Headers}. */
final class Envelopes {

  static final String SET_COOKIE = "Set-Cookie";

  private Envelopes() {}

  /** The method, upper case; an HTTP-shaped event without one is refused, never routed as GET. */
  static String requireMethod(String method, EventSource source, String field) {
    if (method == null || method.isBlank()) {
      throw new UnsupportedEventException("The " + source + " event has no usable HTTP method: " + field
          + " is missing, null or not a string");
    }
    return method.toUpperCase(Locale.ROOT);
  }

  /** The path; an HTTP-shaped event without one (or with one not starting with {@code /}) is refused. */
  static String requirePath(String path, EventSource source, String field) {
    if (path == null || !path.startsWith("/")) {
      throw new UnsupportedEventException("The " + source + " event has no usable path: " + field
          + (path == null ? " is missing, null or not a string" : " does not start with '/' (\"" + path + "\")"));
    }
    return path;
  }

  static Headers fromSingle(Map<String, String> single) {
    if (single == null || single.isEmpty()) {
      return Headers.empty();
    }
    Headers.Builder builder = Headers.builder();
    for (Map.Entry<String, String> header : single.entrySet()) {
      builder.add(header.getKey(), header.getValue());
    }
    return builder.build();
  }

  static Headers fromMulti(Map<String, List<String>> multi) {
    if (multi == null || multi.isEmpty()) {
      return Headers.empty();
    }
    Headers.Builder builder = Headers.builder();
    for (Map.Entry<String, List<String>> header : multi.entrySet()) {
      builder.addAll(header.getKey(), header.getValue());
    }
    return builder.build();
  }

  /** Headers grouped by name (the case of the first occurrence), values in order. */
  static Map<String, List<String>> grouped(Headers headers) {
    // one pass over the fields, no name sets: a response has a handful of headers
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    int size = headers.size();
    for (int i = 0; i < size; i++) {
      if (headers.repeatsEarlierName(i)) {
        continue;
      }
      String name = headers.name(i);
      int count = 1;
      for (int j = i + 1; j < size; j++) {
        if (headers.name(j).equalsIgnoreCase(name)) {
          count++;
        }
      }
      if (count == 1) {
        grouped.put(name, java.util.Collections.singletonList(headers.value(i)));
        continue;
      }
      String[] values = new String[count];
      int k = 0;
      for (int j = i; j < size; j++) {
        if (headers.name(j).equalsIgnoreCase(name)) {
          values[k++] = headers.value(j);
        }
      }
      grouped.put(name, java.util.Collections.unmodifiableList(java.util.Arrays.asList(values)));
    }
    return grouped;
  }

  /** Every header but {@code Set-Cookie}, multiple values joined with commas (RFC 9110 list syntax). */
  static Map<String, String> joinedWithoutCookies(Headers headers) {
    Map<String, String> joined = new LinkedHashMap<>();
    for (String name : headers.names()) {
      if (!name.equalsIgnoreCase(SET_COOKIE)) {
        joined.put(name, String.join(",", headers.all(name)));
      }
    }
    return joined;
  }

  /** Unmodifiable query parameters from a single-value map. */
  static Map<String, List<String>> singleToMulti(Map<String, String> single) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : single.entrySet()) {
      multi.put(parameter.getKey(), List.of(parameter.getValue()));
    }
    return multi;
  }

  /**
   * The part of an authorizer's data an app wants: JWT or Cognito {@code claims}, a Lambda authorizer's
   * {@code lambda} context, or the {@code iam} identity; a REST Lambda authorizer's context is the map itself.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> authorizerData(Map<String, Object> authorizer) {
    if (authorizer == null) {
      return Map.of();
    }
    if (authorizer.get("jwt") instanceof Map<?, ?> jwt && jwt.get("claims") instanceof Map<?, ?> claims) {
      return (Map<String, Object>) claims;
    }
    for (String key : List.of("claims", "lambda", "iam")) {
      if (authorizer.get(key) instanceof Map<?, ?> data) {
        return (Map<String, Object>) data;
      }
    }
    Map<String, Object> withoutNulls = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : authorizer.entrySet()) {
      if (entry.getValue() != null) {
        withoutNulls.put(entry.getKey(), entry.getValue());
      }
    }
    return java.util.Collections.unmodifiableMap(withoutNulls);
  }
}
