package dev.vial.session;

import dev.vial.Cookie;
import java.time.Duration;

/**
 * How signed-cookie sessions are stored. Every option has a default; change one with its
 * {@code with...} method:
 *
 * <pre>{@code
 * app.secretKey(System.getenv("SESSION_KEY"))
 *    .sessions(SessionOptions.defaults().withSecure(true).withMaxAge(Duration.ofDays(7)));
 * }</pre>
 *
 * @param cookieName the cookie's name (default {@code session})
 * @param maxAge how long a session lives after it was last written: checked against the signed issue
 *     time, and sent as the cookie's {@code Max-Age} (default 31 days)
 * @param secure whether the cookie has {@code Secure}, so browsers send it over HTTPS only (default
 *     {@code false}, so it works on {@code http://localhost}; turn it on for deployed apps)
 * @param httpOnly whether the cookie has {@code HttpOnly}, hidden from scripts (default {@code true})
 * @param sameSite the {@code SameSite} attribute (default {@code Lax})
 * @param path the cookie's {@code Path}, or {@code null} for the request's mount path: {@code /}
 *     locally, the stage behind API Gateway, such as {@code /prod} (default {@code null})
 * @param domain the cookie's {@code Domain}, or {@code null} for the host only (default {@code null})
 */
public record SessionOptions(String cookieName, Duration maxAge, boolean secure, boolean httpOnly,
    Cookie.SameSite sameSite, String path, String domain) {

  private static final SessionOptions DEFAULTS =
      new SessionOptions("session", Duration.ofDays(31), false, true, Cookie.SameSite.LAX, null, null);

  /** Checks every option by building a cookie with it. */
  public SessionOptions {
    if (maxAge == null || maxAge.getSeconds() < 1) {
      throw new IllegalArgumentException("Session maxAge must be at least one second, got " + maxAge);
    }
    Cookie.of(cookieName, "").path(path).domain(domain).sameSite(sameSite); // validates name, path and domain
  }

  /** Cookie {@code session}, 31 days, not {@code Secure}, {@code HttpOnly}, {@code SameSite=Lax}, the mount path, no domain. */
  public static SessionOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with another cookie name. */
  public SessionOptions withCookieName(String cookieName) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }

  /** A copy with another maximum age. */
  public SessionOptions withMaxAge(Duration maxAge) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }

  /** A copy with or without {@code Secure}. */
  public SessionOptions withSecure(boolean secure) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }

  /** A copy with or without {@code HttpOnly}. */
  public SessionOptions withHttpOnly(boolean httpOnly) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }

  /** A copy with another {@code SameSite} ({@code null}: none). */
  public SessionOptions withSameSite(Cookie.SameSite sameSite) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }

  /** A copy with a fixed {@code Path} ({@code null}: the request's mount path). */
  public SessionOptions withPath(String path) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }

  /** A copy with a {@code Domain} ({@code null}: the host only). */
  public SessionOptions withDomain(String domain) {
    return new SessionOptions(cookieName, maxAge, secure, httpOnly, sameSite, path, domain);
  }
}
