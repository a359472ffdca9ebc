package dev.vial;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A cookie to set on the client, rendered as one {@code Set-Cookie} header (RFC 6265).
 *
 * <pre>{@code
 * ok("hi").withCookie(Cookie.of("session", "abc").path("/").httpOnly(true))
 * }</pre>
 *
 * @param name the cookie name (an RFC 6265 token)
 * @param value the value, sent as given (no encoding); no spaces, quotes, commas, semicolons or backslashes
 * @param path the {@code Path} attribute, or {@code null}
 * @param domain the {@code Domain} attribute, or {@code null}
 * @param maxAge the {@code Max-Age} attribute, or {@code null}
 * @param expires the {@code Expires} attribute, or {@code null}
 * @param secure whether to add {@code Secure}
 * @param httpOnly whether to add {@code HttpOnly}
 * @param sameSite the {@code SameSite} attribute, or {@code null}
 */
public record Cookie(
    String name,
    String value,
    String path,
    String domain,
    Duration maxAge,
    Instant expires,
    boolean secure,
    boolean httpOnly,
    SameSite sameSite) {

  /** The {@code SameSite} attribute values. */
  public enum SameSite {
    /** Sent with cross-site requests only when {@code Secure}. */
    NONE("None"),
    /** Sent with top-level cross-site navigations. */
    LAX("Lax"),
    /** Never sent with cross-site requests. */
    STRICT("Strict");

    private final String text;

    SameSite(String text) {
      this.text = text;
    }

    /** The attribute value as it appears in the header. */
    public String text() {
      return text;
    }
  }

  /** Built on first use: an app that declares cookies at startup should not pay for java.time formatting then. */
  private static final class ExpiresFormat {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  }

  /** Validates every part, so a header built from it can never be split or malformed. */
  public Cookie {
    if (name == null || name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("Cookie name must be a non-empty token: '" + name + "'");
    }
    if (value == null || !isCookieValue(value)) {
      throw new IllegalArgumentException("Cookie value for '" + name + "' contains characters not allowed by RFC 6265");
    }
    if (path != null && !isAttributeValue(path)) {
      throw new IllegalArgumentException("Cookie path contains ';', control or non-ASCII characters: '" + path + "'");
    }
    if (domain != null && !isAttributeValue(domain)) {
      throw new IllegalArgumentException("Cookie domain contains ';', control or non-ASCII characters: '" + domain + "'");
    }
  }

  /** A session cookie with only a name and a value. */
  public static Cookie of(String name, String value) {
    return new Cookie(name, value, null, null, null, null, false, false, null);
  }

  /** A copy with {@code Path}. */
  public Cookie path(String path) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** A copy with {@code Domain}. */
  public Cookie domain(String domain) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** A copy with {@code Max-Age} (whole seconds; zero or negative deletes the cookie). */
  public Cookie maxAge(Duration maxAge) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** A copy with {@code Expires}. */
  public Cookie expires(Instant expires) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** A copy with or without {@code Secure}. */
  public Cookie secure(boolean secure) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** A copy with or without {@code HttpOnly}. */
  public Cookie httpOnly(boolean httpOnly) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** A copy with {@code SameSite}. */
  public Cookie sameSite(SameSite sameSite) {
    return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
  }

  /** The {@code Set-Cookie} header value: {@code name=value; Path=/; HttpOnly}. */
  public String toSetCookieHeader() {
    StringBuilder header = new StringBuilder(name.length() + value.length() + 32);
    header.append(name).append('=').append(value);
    if (expires != null) {
      header.append("; Expires=").append(ExpiresFormat.FORMAT.format(expires));
    }
    if (maxAge != null) {
      header.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
    }
    if (domain != null) {
      header.append("; Domain=").append(domain);
    }
    if (path != null) {
      header.append("; Path=").append(path);
    }
    if (secure) {
      header.append("; Secure");
    }
    if (httpOnly) {
      header.append("; HttpOnly");
    }
    if (sameSite != null) {
      header.append("; SameSite=").append(sameSite.text());
    }
    return header.toString();
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCookieValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAttributeValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == ';') {
        return false;
      }
    }
    return true;
  }
}
