package dev.vial.example.echo;

import dev.vial.Request;
import dev.vial.http.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code /echo} answers: the request as the app saw it, rendered as JSON in this field order.
 *
 * @param method the request method
 * @param path the percent-decoded path
 * @param rawPath the path as it arrived
 * @param pathParams path parameters, name → decoded value
 * @param query query parameters, name → values in order
 * @param headers header fields, lower-case name → values in order
 * @param cookies cookies, name → value
 * @param body the body as text when it is valid UTF-8, {@code null} when empty or binary
 * @param bodyBase64 the raw body bytes in base64, {@code null} when empty
 * @param contentLength the body's length in bytes
 */
record EchoReport(
    String method,
    String path,
    String rawPath,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Map<String, String> cookies,
    String body,
    String bodyBase64,
    int contentLength) {

  /** Describes {@code req}. */
  static EchoReport of(Request req) {
    byte[] body = req.body();
    return new EchoReport(
        req.method(),
        req.path(),
        req.rawPath(),
        req.pathParams(),
        req.queryParams(),
        lowerCaseHeaders(req),
        req.cookies(),
        utf8OrNull(body),
        body.length == 0 ? null : Base64.getEncoder().encodeToString(body),
        body.length);
  }

  private static Map<String, List<String>> lowerCaseHeaders(Request req) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    req.headers().forEach((name, value) ->
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value));
    return Collections.unmodifiableMap(headers);
  }

  /** Strict: {@code new String(bytes, UTF_8)} would silently turn bad bytes into U+FFFD. */
  private static String utf8OrNull(byte[] body) {
    return body.length == 0 ? null : Utf8.decodeOrNull(body);
  }
}
