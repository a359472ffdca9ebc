package dev.vial;

import dev.vial.http.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * An immutable HTTP response: status, headers and body. Build one with {@link Responses} and adjust
 * it with the {@code with...} methods, each of which returns a copy.
 *
 * <p>Header names must be tokens and values must not contain CR or LF: a header that could split
 * the response is refused with {@link IllegalArgumentException}. The body array is not copied; do not
 * change it after handing it over.
 *
 * <p>A response made by {@link Responses#json(Object)} carries its value until the app renders it with
 * its own Jackson mapper; every response that leaves {@link App#handle(Request)} is rendered to bytes.
 *
 * <p>A <em>streaming</em> response ({@link Responses#stream}, {@link #isStreaming()}) has no bytes yet: its
 * {@link #streamingBody()} writes them while the front door sends them ({@code dev.vial.stream.StreamWriter}).
 * Code that must see the whole body (compression, ETags) should leave streaming responses alone.
 */
public final class Response {

  private static final byte[] EMPTY = new byte[0];
  private static final Headers JSON_HEADERS = Headers.of("Content-Type", MediaTypes.JSON);

  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final Object jsonValue;
  private final boolean hasJsonValue;
  /** {@code null} unless the body is streamed. */
  private final Streaming streaming;

  /** A streamed body and the app's answer should it fail before its first byte ({@code null}: a bare 500). */
  private record Streaming(StreamingBody body, Function<Throwable, Response> failureAnswer) {}

  private Response(int status, Headers headers, byte[] body, Object jsonValue, boolean hasJsonValue) {
    this(status, headers, body, jsonValue, hasJsonValue, null);
  }

  private Response(int status, Headers headers, byte[] body, Object jsonValue, boolean hasJsonValue,
      Streaming streaming) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status must be a three-digit code, got " + status);
    }
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.jsonValue = jsonValue;
    this.hasJsonValue = hasJsonValue;
    this.streaming = streaming;
  }

  /** A response with {@code status}, no headers and no body. */
  public static Response of(int status) {
    return new Response(status, Headers.empty(), EMPTY, null, false);
  }

  static Response ofJson(int status, Object value) {
    return new Response(status, JSON_HEADERS, EMPTY, value, true);
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The header fields, {@code Set-Cookie} included (one field per cookie). */
  public Headers headers() {
    return headers;
  }

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    return headers.first(name);
  }

  /** The {@code Content-Type}, or {@code null}. */
  public String contentType() {
    return headers.first("Content-Type");
  }

  /** The body bytes (not a copy: read-only by contract). Empty, never {@code null}; empty for a streaming response. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether this response still holds a value for the app to render as JSON. */
  public boolean hasJsonValue() {
    return hasJsonValue;
  }

  /** The value to render as JSON, when {@link #hasJsonValue()}. */
  public Object jsonValue() {
    return jsonValue;
  }

  /** A copy with another status. */
  public Response withStatus(int status) {
    return new Response(status, headers, body, jsonValue, hasJsonValue, streaming);
  }

  /** A copy where {@code name} has exactly this one value (replacing any others). */
  public Response withHeader(String name, String value) {
    checkHeader(name, value);
    return new Response(status, headers.with(name, value), body, jsonValue, hasJsonValue, streaming);
  }

  /** A copy with one more value for {@code name}, keeping existing ones. */
  public Response withAddedHeader(String name, String value) {
    checkHeader(name, value);
    return new Response(status, headers.plus(name, value), body, jsonValue, hasJsonValue, streaming);
  }

  /** A copy without header {@code name}. */
  public Response withoutHeader(String name) {
    return new Response(status, headers.without(name), body, jsonValue, hasJsonValue, streaming);
  }

  /** A copy whose {@code Vary} lists {@code token} too: merged into one comma-separated field, never repeated (case-insensitive); {@code *} stays {@code *}. */
  public Response withVary(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("Vary token must not be empty");
    }
    java.util.List<String> fields = headers.all("Vary");
    if (fields.isEmpty()) {
      return withHeader("Vary", token.trim());
    }
    java.util.List<String> tokens = new java.util.ArrayList<>();
    for (String field : fields) {
      for (String part : field.split(",")) {
        String existing = part.trim();
        if (existing.equals("*")) {
          return fields.size() == 1 && fields.get(0).trim().equals("*") ? this : withHeader("Vary", "*");
        }
        if (!existing.isEmpty() && !containsIgnoreCase(tokens, existing)) {
          tokens.add(existing);
        }
      }
    }
    if (!containsIgnoreCase(tokens, token.trim())) {
      tokens.add(token.trim());
    }
    String merged = String.join(", ", tokens);
    return fields.size() == 1 && fields.get(0).equals(merged) ? this : withHeader("Vary", merged);
  }

  private static boolean containsIgnoreCase(java.util.List<String> tokens, String token) {
    for (String existing : tokens) {
      if (existing.equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  /** A copy with one more {@code Set-Cookie}. */
  public Response withCookie(Cookie cookie) {
    if (cookie == null) {
      throw new IllegalArgumentException("Cookie must not be null");
    }
    return new Response(status, headers.plus("Set-Cookie", cookie.toSetCookieHeader()), body, jsonValue, hasJsonValue,
        streaming);
  }

  /** Whether the body is written while it is sent ({@link #streamingBody()}) rather than held as bytes. */
  public boolean isStreaming() {
    return streaming != null;
  }

  /** The streamed body, or {@code null} when the body is bytes ({@link #body()}). */
  public StreamingBody streamingBody() {
    return streaming == null ? null : streaming.body();
  }

  /**
   * For front doors: the answer to send instead of this streaming response when its body failed before its
   * first byte left. For a response from {@link App#handle(Request)} that is the app's error answer (its
   * error handlers and after filters); otherwise the default 500.
   */
  public Response failureAnswer(Throwable failure) {
    if (streaming != null && streaming.failureAnswer() != null) {
      return streaming.failureAnswer().apply(failure);
    }
    return Responses.error(500, "Internal Server Error");
  }

  /** A copy whose body is streamed, with this {@code Content-Type}; used by {@link Responses#stream}. */
  Response withStreamingBody(StreamingBody body, String contentType) {
    Response typed = withHeader("Content-Type", contentType);
    return new Response(status, typed.headers, EMPTY, null, false, new Streaming(body, null));
  }

  /** A copy that answers a failure of its streamed body with {@code failureAnswer}; used by the app. */
  Response withStreamFailureAnswer(Function<Throwable, Response> failureAnswer) {
    return streaming == null ? this
        : new Response(status, headers, body, jsonValue, hasJsonValue, new Streaming(streaming.body(), failureAnswer));
  }

  /** A copy with this body and {@code Content-Type}. */
  public Response withBody(byte[] body, String contentType) {
    if (body == null) {
      throw new IllegalArgumentException("Response body must not be null (use withoutBody())");
    }
    Response typed = withHeader("Content-Type", contentType);
    return new Response(status, typed.headers, body, null, false);
  }

  /** A copy with a UTF-8 text body and {@code Content-Type}. */
  public Response withBody(String text, String contentType) {
    return withBody(text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** A copy with no body (a streamed one is dropped unwritten); headers, {@code Content-Type} included, stay. */
  public Response withoutBody() {
    return new Response(status, headers, EMPTY, null, false);
  }

  /** A copy with the JSON value rendered to these bytes; used by the app when it renders. */
  Response withRenderedJson(byte[] json) {
    return new Response(status, headers, json, null, false);
  }

  private static void checkHeader(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("Header name '" + name.replace("\r", "\\r").replace("\n", "\\n")
            + "' is not a valid token");
      }
    }
    if (value == null) {
      throw new IllegalArgumentException("Header '" + name + "' must not have a null value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException("Header '" + name + "' value contains CR, LF or NUL (response splitting)");
      }
    }
  }

  @Override
  public String toString() {
    return "Response[" + status + ", " + headers + ", " + (hasJsonValue ? "json value" : streaming != null ? "streamed" : body.length + " bytes") + "]";
  }
}
