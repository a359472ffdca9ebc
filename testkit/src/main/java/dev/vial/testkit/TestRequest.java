package dev.vial.testkit;

import dev.vial.Headers;
import java.nio.charset.StandardCharsets;

/**
 * A request for a {@link TestClient}: method, target ({@code /path?query}, percent-encoded as a client
 * would send it), headers and body. Immutable; every method returns a copy.
 *
 * <pre>{@code
 * TestRequest.get("/users/7?fields=name").header("Accept", "application/json")
 * TestRequest.post("/json", "{\"a\":1}", "application/json")
 * }</pre>
 */
public final class TestRequest {

  private final String method;
  private final String target;
  private final Headers headers;
  private final byte[] body;

  private TestRequest(String method, String target, Headers headers, byte[] body) {
    if (method == null || method.isEmpty()) {
      throw new IllegalArgumentException("method must not be empty");
    }
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("target must start with '/': " + target);
    }
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
  }

  /** A request with any method and no body. */
  public static TestRequest of(String method, String target) {
    return new TestRequest(method, target, Headers.empty(), new byte[0]);
  }

  /** A {@code GET}. */
  public static TestRequest get(String target) {
    return of("GET", target);
  }

  /** A {@code HEAD}. */
  public static TestRequest head(String target) {
    return of("HEAD", target);
  }

  /** A {@code POST} with a UTF-8 text body of {@code contentType}. */
  public static TestRequest post(String target, String body, String contentType) {
    return of("POST", target).body(body, contentType);
  }

  /** A copy with one more header field. */
  public TestRequest header(String name, String value) {
    return new TestRequest(method, target, headers.plus(name, value), body);
  }

  /** A copy with a cookie added to the {@code Cookie} header. */
  public TestRequest cookie(String name, String value) {
    String existing = headers.first("Cookie");
    String cookie = existing == null ? name + "=" + value : existing + "; " + name + "=" + value;
    return new TestRequest(method, target, headers.with("Cookie", cookie), body);
  }

  /** A copy with this body and {@code Content-Type}. */
  public TestRequest body(byte[] body, String contentType) {
    return new TestRequest(method, target, headers.with("Content-Type", contentType), body);
  }

  /** A copy with a UTF-8 text body and {@code Content-Type}. */
  public TestRequest body(String body, String contentType) {
    return body(body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** The method. */
  public String method() {
    return method;
  }

  /** The target as sent: raw path plus optional {@code ?query}. */
  public String target() {
    return target;
  }

  /** The raw (percent-encoded) path part of the target. */
  public String rawPath() {
    int question = target.indexOf('?');
    return question < 0 ? target : target.substring(0, question);
  }

  /** The raw query after {@code ?}, or {@code null} when the target has none. */
  public String rawQuery() {
    int question = target.indexOf('?');
    return question < 0 ? null : target.substring(question + 1);
  }

  /** The header fields. */
  public Headers headers() {
    return headers;
  }

  /** The body bytes. */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return method + " " + target;
  }
}
