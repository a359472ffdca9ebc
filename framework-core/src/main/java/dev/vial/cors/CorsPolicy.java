package dev.vial.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which cross-origin browser requests an app (or a blueprint) accepts, per the Fetch standard's CORS
 * protocol. An immutable value: each {@code with...}-style method returns a changed copy, checked at once,
 * so a policy that cannot work fails while the app is being set up, never on a request.
 *
 * <pre>{@code
 * app.cors(CorsPolicy.allowOrigins("https://app.example", "https://*.app.example")
 *     .allowMethods("GET", "POST", "PUT", "DELETE")
 *     .allowHeaders("Content-Type", "X-Requested-With")
 *     .exposeHeaders("X-Request-Id")
 *     .allowCredentials(true)
 *     .maxAge(Duration.ofMinutes(10)));
 * }</pre>
 *
 * <p>Defaults: methods {@code GET, HEAD, POST, PUT, PATCH, DELETE}; any request header the browser asks
 * for; no exposed headers; no credentials; no {@code Access-Control-Max-Age} (browsers then cache a
 * preflight for 5 seconds). Origins are exact ({@code https://app.example}), one-label patterns
 * ({@code https://*.app.example}) or {@code *} alone (any origin, never with credentials).
 *
 * <p>Refused with {@link IllegalArgumentException}: no origin, {@code *} with credentials, an origin with a
 * path, user, trailing slash or default port, the origin {@code null}, and any {@code *} other than a whole
 * first host label (so no pattern can match more than its own domain).
 */
public final class CorsPolicy {

  private static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final OriginMatcher origins;
  private final List<String> methods;
  /** Lower-cased; {@code null}: any header the browser asks for. */
  private final Set<String> allowedHeaders;
  private final List<String> allowedHeaderNames;
  private final List<String> exposedHeaders;
  private final boolean credentials;
  /** {@code null}: no {@code Access-Control-Max-Age}. */
  private final Duration maxAge;

  private CorsPolicy(OriginMatcher origins, List<String> methods, List<String> allowedHeaderNames,
      List<String> exposedHeaders, boolean credentials, Duration maxAge) {
    if (credentials && origins.allowsAny()) {
      throw new IllegalArgumentException("A CORS policy cannot allow credentials for any origin ('*'): browsers "
          + "refuse it, and reflecting every origin instead would let any site act as the user. List the origins.");
    }
    this.origins = origins;
    this.methods = methods;
    this.allowedHeaderNames = allowedHeaderNames;
    this.allowedHeaders = allowedHeaderNames == null ? null : lowerCased(allowedHeaderNames);
    this.exposedHeaders = exposedHeaders;
    this.credentials = credentials;
    this.maxAge = maxAge;
  }

  /**
   * A policy for these origins, with the other settings at their defaults.
   *
   * @param origins exact origins ({@code https://app.example}, {@code http://localhost:8080}), patterns
   *     with one wildcard label ({@code https://*.app.example}), or {@code "*"} alone for any origin
   * @throws IllegalArgumentException for no origins or an entry that is not a valid origin or pattern
   */
  public static CorsPolicy allowOrigins(String... origins) {
    return allowOrigins(origins == null ? List.of() : Arrays.asList(origins));
  }

  /** {@link #allowOrigins(String...)} for a list, e.g. read from configuration. */
  public static CorsPolicy allowOrigins(List<String> origins) {
    return new CorsPolicy(OriginMatcher.of(origins), DEFAULT_METHODS, null, List.of(), false, null);
  }

  /** A copy allowing exactly these methods (case-sensitive tokens, e.g. {@code GET}, {@code PATCH}). */
  public CorsPolicy allowMethods(String... methods) {
    List<String> checked = tokens("method", methods);
    if (checked.isEmpty()) {
      throw new IllegalArgumentException("A CORS policy needs at least one allowed method");
    }
    return new CorsPolicy(origins, checked, allowedHeaderNames, exposedHeaders, credentials, maxAge);
  }

  /**
   * A copy allowing exactly these request headers (any case) in preflights; a preflight asking for another
   * is refused. {@code "*"} alone restores the default: any header the browser asks for.
   */
  public CorsPolicy allowHeaders(String... headers) {
    if (headers != null && headers.length == 1 && "*".equals(headers[0])) {
      return new CorsPolicy(origins, methods, null, exposedHeaders, credentials, maxAge);
    }
    return new CorsPolicy(origins, methods, tokens("request header", headers), exposedHeaders, credentials, maxAge);
  }

  /** A copy exposing these response headers to the page's script ({@code Access-Control-Expose-Headers}). */
  public CorsPolicy exposeHeaders(String... headers) {
    return new CorsPolicy(origins, methods, allowedHeaderNames, tokens("exposed header", headers), credentials,
        maxAge);
  }

  /**
   * A copy that lets browsers send cookies and HTTP authentication ({@code Access-Control-Allow-Credentials:
   * true}) and read the answer.
   *
   * @throws IllegalArgumentException when the policy allows any origin
   */
  public CorsPolicy allowCredentials(boolean allow) {
    return new CorsPolicy(origins, methods, allowedHeaderNames, exposedHeaders, allow, maxAge);
  }

  /**
   * A copy that lets browsers cache a preflight's answer this long ({@code Access-Control-Max-Age}, in whole
   * seconds; browsers cap it, Chromium at 2 hours).
   */
  public CorsPolicy maxAge(Duration maxAge) {
    if (maxAge == null || maxAge.isNegative()) {
      throw new IllegalArgumentException("CORS max age must be zero or more, got " + maxAge);
    }
    return new CorsPolicy(origins, methods, allowedHeaderNames, exposedHeaders, credentials, maxAge);
  }

  /** The allowed origins and patterns, lower-cased ({@code [*]} for any). */
  public List<String> origins() {
    return origins.entries();
  }

  /** The allowed methods. */
  public List<String> methods() {
    return methods;
  }

  /** The allowed request headers as given, or {@code [*]} when any header is allowed (the default). */
  public List<String> allowedHeaders() {
    return allowedHeaderNames == null ? List.of("*") : allowedHeaderNames;
  }

  /** The exposed response headers. */
  public List<String> exposedHeaders() {
    return exposedHeaders;
  }

  /** Whether credentials are allowed. */
  public boolean allowsCredentials() {
    return credentials;
  }

  /** How long browsers may cache a preflight, or {@code null} when the header is not sent. */
  public Duration maxAge() {
    return maxAge;
  }

  boolean allowsAnyOrigin() {
    return origins.allowsAny();
  }

  boolean allowsOrigin(String origin) {
    return origins.matches(origin);
  }

  /** Whether a preflight may ask for {@code method}; the CORS-safelisted GET, HEAD and POST always pass. */
  boolean allowsMethod(String method) {
    return methods.contains(method) || method.equals("GET") || method.equals("HEAD") || method.equals("POST");
  }

  /** Whether a preflight may ask for the lower-cased header {@code name}. */
  boolean allowsHeader(String name) {
    return allowedHeaders == null || allowedHeaders.contains(name);
  }

  private static List<String> tokens(String what, String... values) {
    List<String> checked = new ArrayList<>();
    for (String value : values == null ? new String[0] : values) {
      if (!TokenList.isToken(value) || value.equals("*")) {
        throw new IllegalArgumentException("Invalid CORS " + what + " '" + value + "': it must be an HTTP token"
            + (what.equals("method") ? "" : " ('*' only alone, for allowHeaders)"));
      }
      checked.add(value);
    }
    return List.copyOf(checked);
  }

  private static Set<String> lowerCased(List<String> names) {
    Set<String> lower = new HashSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(lower);
  }

  @Override
  public String toString() {
    return "CorsPolicy[origins=" + origins + ", methods=" + methods + ", allowedHeaders=" + allowedHeaders()
        + ", exposedHeaders=" + exposedHeaders + ", credentials=" + credentials + ", maxAge=" + maxAge + "]";
  }
}
