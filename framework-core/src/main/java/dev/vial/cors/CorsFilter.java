package dev.vial.cors;

import dev.vial.AfterFilter;
import dev.vial.BeforeFilter;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import java.util.List;

/**
 * Applies a {@link CorsPolicy}: as a before filter it answers preflights, as an after filter it adds the
 * CORS headers to every other answer. {@code app.cors(policy)} (or a blueprint's) installs it as both;
 * install it yourself to limit it to a path: {@code app.before("/api", f).after("/api", f)}.
 *
 * <p><b>Preflight</b> ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}), with
 * or without an {@code OPTIONS} route, for any path: the handler never runs. Allowed → 204 with
 * {@code Access-Control-Allow-Origin} (the request's origin; {@code *} for a policy allowing any origin),
 * {@code -Allow-Methods}, {@code -Allow-Headers} (those requested), {@code -Max-Age} and
 * {@code -Allow-Credentials} when set, and {@code Vary: Origin}. A disallowed origin, method or request
 * header → an {@link HttpException} 403 through the app's error handlers (by default
 * {@code {"error":"CORS preflight refused: ...","status":403}}), with no {@code Access-Control-*} header.
 *
 * <p><b>Other requests</b>, error answers (404, 405, 500) included: an allowed origin gets
 * {@code Access-Control-Allow-Origin}, {@code -Allow-Credentials} and {@code -Expose-Headers} as set; any
 * other request gets its answer unchanged. Unless the policy allows any origin, every answer lists
 * {@code Origin} in {@code Vary} (merged with other values), since it depends on the request's origin.
 *
 * <p>Install it before filters that may refuse a preflight (browsers send preflights without cookies or
 * credentials). Give a path one policy: the app's preflight filter runs before a blueprint's.
 */
public final class CorsFilter implements BeforeFilter, AfterFilter {

  private final CorsPolicy policy;
  private final String allowMethods;
  private final String exposeHeaders;
  private final String maxAge;

  private CorsFilter(CorsPolicy policy) {
    this.policy = policy;
    this.allowMethods = String.join(", ", policy.methods());
    this.exposeHeaders = policy.exposedHeaders().isEmpty() ? null : String.join(", ", policy.exposedHeaders());
    this.maxAge = policy.maxAge() == null ? null : Long.toString(policy.maxAge().getSeconds());
  }

  /** The filter for {@code policy}. */
  public static CorsFilter of(CorsPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("CORS policy must not be null");
    }
    return new CorsFilter(policy);
  }

  /** The policy this filter applies. */
  public CorsPolicy policy() {
    return policy;
  }

  /** Answers a preflight (204 or a 403 {@link HttpException}); lets every other request through. */
  @Override
  public Response before(Request req) {
    if (!isPreflight(req)) {
      return null;
    }
    String origin = singleOrigin(req);
    if (!policy.allowsOrigin(origin)) {
      throw refused("origin not allowed");
    }
    List<String> methodFields = req.headers().all("Access-Control-Request-Method");
    String method = methodFields.size() == 1 ? methodFields.get(0).trim() : null;
    if (method == null || !TokenList.isToken(method) || !policy.allowsMethod(method)) {
      throw refused("method not allowed (allowed: " + allowMethods + ")");
    }
    List<String> headers = TokenList.parse(req.headers().all("Access-Control-Request-Headers"));
    if (headers == null) {
      throw refused("Access-Control-Request-Headers is not a list of header names");
    }
    for (String header : headers) {
      if (!policy.allowsHeader(header)) {
        throw refused("request header '" + header + "' not allowed (allowed: "
            + String.join(", ", policy.allowedHeaders()) + ")");
      }
    }
    Response answer = Response.of(204)
        .withHeader("Access-Control-Allow-Origin", allowOrigin(origin))
        .withHeader("Access-Control-Allow-Methods", allowMethods);
    if (!headers.isEmpty()) {
      answer = answer.withHeader("Access-Control-Allow-Headers", String.join(", ", headers));
    }
    if (maxAge != null) {
      answer = answer.withHeader("Access-Control-Max-Age", maxAge);
    }
    return withCredentialsAndVary(answer);
  }

  /** Adds the CORS headers for an allowed origin, and {@code Vary: Origin}; leaves preflight answers alone. */
  @Override
  public Response after(Request req, Response res) {
    if (isPreflight(req)) {
      return policy.allowsAnyOrigin() ? res : res.withVary("Origin");
    }
    String origin = singleOrigin(req);
    if (!policy.allowsOrigin(origin)) {
      return policy.allowsAnyOrigin() ? res : res.withVary("Origin");
    }
    Response answer = res.withHeader("Access-Control-Allow-Origin", allowOrigin(origin));
    if (exposeHeaders != null) {
      answer = answer.withHeader("Access-Control-Expose-Headers", exposeHeaders);
    }
    return withCredentialsAndVary(answer);
  }

  private Response withCredentialsAndVary(Response answer) {
    Response result = policy.allowsCredentials() ? answer.withHeader("Access-Control-Allow-Credentials", "true")
        : answer;
    return policy.allowsAnyOrigin() ? result : result.withVary("Origin");
  }

  private String allowOrigin(String origin) {
    return policy.allowsAnyOrigin() ? "*" : origin;
  }

  private static boolean isPreflight(Request req) {
    return req.method().equals("OPTIONS") && req.header("Origin") != null
        && req.header("Access-Control-Request-Method") != null;
  }

  /** The one {@code Origin} a browser sends; several fields (or a comma-joined value) match nothing. */
  private static String singleOrigin(Request req) {
    String origin = req.header("Origin");
    return origin == null || req.headers().all("Origin").size() == 1 ? origin : null;
  }

  private static HttpException refused(String why) {
    return new HttpException(403, "CORS preflight refused: " + why);
  }
}
