package dev.vial.conditional;

import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.http.HttpDates;
import java.time.Instant;
import java.util.List;

/**
 * Conditional {@code GET} and {@code HEAD} (RFC 9110 §13.2.2) for any response that carries an
 * {@code ETag} or a {@code Last-Modified}: the app applies it to every 200 it sends, so a handler only
 * sets the validators (Flask's {@code make_conditional}):
 *
 * <pre>{@code
 * app.get("/report", req -> ok(report.text()).withHeader("ETag", "\"" + report.version() + "\""));
 * // a client sending If-None-Match: "<version>" now gets 304 Not Modified, without the body
 * }</pre>
 *
 * <p>The order is the RFC's: {@code If-Match} (412 when no tag matches strongly), else
 * {@code If-Unmodified-Since} (412 when modified since); then {@code If-None-Match} (weak comparison,
 * lists, {@code *}), which when present takes precedence over {@code If-Modified-Since}. A date that
 * is not an IMF-fixdate is ignored. A 304 keeps {@code ETag}, {@code Last-Modified},
 * {@code Cache-Control}, {@code Vary}, {@code Expires}, cookies and every other field except those that
 * describe the absent body ({@code Content-*} but {@code Content-Location}).
 */
public final class ConditionalRequests {

  private ConditionalRequests() {}

  /**
   * {@code response} answered against the request's preconditions: a 304 or 412 when they say so, else
   * {@code response} unchanged. Only a 200 to {@code GET} or {@code HEAD} with a validator is considered.
   */
  public static Response apply(Request request, Response response) {
    if (response.status() != 200 || !isGetOrHead(request.method())) {
      return response;
    }
    String etag = response.header("ETag");
    String lastModified = response.header("Last-Modified");
    if (etag == null && lastModified == null) {
      return response;
    }
    if (preconditionFailed(request.headers(), etag, lastModified)) {
      return Responses.error(412, "Precondition Failed");
    }
    return isNotModified(request.headers(), etag, lastModified) ? notModified(response) : response;
  }

  /**
   * Whether {@code If-None-Match} (or, without it, {@code If-Modified-Since}) says the client's copy of the
   * representation with these validators is current.
   *
   * @param etag the representation's {@code ETag}, or {@code null}
   * @param lastModified its {@code Last-Modified} as an HTTP date, or {@code null}
   */
  public static boolean isNotModified(Headers requestHeaders, String etag, String lastModified) {
    List<String> ifNoneMatch = requestHeaders.all("If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
      return EntityTags.anyMatches(ifNoneMatch, etag, false);
    }
    List<String> ifModifiedSince = requestHeaders.all("If-Modified-Since");
    if (ifModifiedSince.size() != 1 || lastModified == null) {
      return false;
    }
    Instant since = HttpDates.parse(ifModifiedSince.get(0));
    Instant modified = HttpDates.parse(lastModified);
    return since != null && modified != null && !modified.isAfter(since);
  }

  /** Whether {@code If-Match} or {@code If-Unmodified-Since} fails for these validators (then: 412). */
  public static boolean preconditionFailed(Headers requestHeaders, String etag, String lastModified) {
    List<String> ifMatch = requestHeaders.all("If-Match");
    if (!ifMatch.isEmpty()) {
      return !EntityTags.anyMatches(ifMatch, etag, true);
    }
    List<String> ifUnmodifiedSince = requestHeaders.all("If-Unmodified-Since");
    if (ifUnmodifiedSince.size() != 1 || lastModified == null) {
      return false;
    }
    Instant since = HttpDates.parse(ifUnmodifiedSince.get(0));
    Instant modified = HttpDates.parse(lastModified);
    return since != null && modified != null && modified.isAfter(since);
  }

  /** {@code response} as a 304: no body, and none of the fields that describe one. */
  public static Response notModified(Response response) {
    Response result = response.withoutBody().withStatus(304);
    for (String name : response.headers().names()) {
      if (name.regionMatches(true, 0, "Content-", 0, 8) && !name.equalsIgnoreCase("Content-Location")) {
        result = result.withoutHeader(name);
      }
    }
    return result;
  }

  private static boolean isGetOrHead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }
}
