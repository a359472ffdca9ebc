package dev.vial;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vial.http.CookieParser;
import dev.vial.http.FormData;
import dev.vial.http.MediaTypes;
import dev.vial.multipart.Multipart;
import dev.vial.multipart.MultipartLimits;
import dev.vial.session.Session;
import dev.vial.routing.ParamType;
import dev.vial.routing.UrlBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An HTTP request as the app sees it, whichever front door it came through.
 *
 * <p>Immutable, except for {@link #attribute(String, Object) attributes}: a per-request scratch space
 * where filters leave values for handlers. Front doors build requests with {@link #builder(String, String)};
 * the app adds what routing found (decoded path, path parameters, the route) before calling handlers.
 * Query parameters, cookies and form fields are parsed on first access.
 */
public final class Request {

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> decodedQuery;
  private final Headers headers;
  private final byte[] body;
  private final String remoteAddress;
  private final Object context;
  private final String mountPath;
  // Filled in by routing:
  private final String path;
  private final Map<String, String> pathParams;
  private final String route;
  private final JsonSupport json;
  private final UrlBuilder urls;
  private final Map<String, Object> attributes;

  // Parsed on first use; a benign race at worst parses twice to equal values.
  private Map<String, List<String>> queryParams;
  private Map<String, String> cookies;
  private Map<String, List<String>> formParams;
  private Multipart multipart;

  private Request(Builder b) {
    this.method = b.method;
    this.rawPath = b.rawPath;
    this.rawQuery = b.rawQuery;
    this.decodedQuery = b.decodedQuery;
    this.headers = b.headers;
    this.body = b.body;
    this.remoteAddress = b.remoteAddress;
    this.context = b.context;
    this.mountPath = b.mountPath;
    this.path = b.rawPath;
    this.pathParams = Map.of();
    this.route = null;
    this.json = null;
    this.urls = null;
    this.attributes = new HashMap<>(4);
    this.queryParams = b.decodedQuery;
  }

  private Request(Request r, String path, Map<String, String> pathParams, String route, JsonSupport json,
      UrlBuilder urls) {
    this.method = r.method;
    this.rawPath = r.rawPath;
    this.rawQuery = r.rawQuery;
    this.decodedQuery = r.decodedQuery;
    this.headers = r.headers;
    this.body = r.body;
    this.remoteAddress = r.remoteAddress;
    this.context = r.context;
    this.mountPath = r.mountPath;
    this.path = path;
    this.pathParams = pathParams;
    this.route = route;
    this.json = json;
    this.urls = urls;
    this.attributes = r.attributes;
    this.queryParams = r.queryParams;
    this.cookies = r.cookies;
    this.formParams = r.formParams;
    this.multipart = r.multipart;
  }

  /**
   * Starts a request for a front door: {@code method} (e.g. {@code GET}) and the raw, still
   * percent-encoded path (e.g. {@code /files/a%2Fb}).
   */
  public static Builder builder(String method, String rawPath) {
    return new Builder(method, rawPath);
  }

  Request routed(String decodedPath, Map<String, String> params, String template, JsonSupport jsonSupport,
      UrlBuilder urlBuilder) {
    return new Request(this, decodedPath, params, template, jsonSupport, urlBuilder);
  }

  /** The method, upper case: {@code GET}, {@code POST}, ... */
  public String method() {
    return method;
  }

  /** The path, percent-decoded segment by segment ({@code /files/a%2Fb} → {@code /files/a/b}). */
  public String path() {
    return path;
  }

  /** The path exactly as it arrived, still percent-encoded. */
  public String rawPath() {
    return rawPath;
  }

  /**
   * The path prefix a front door stripped before routing (an API Gateway stage or custom-domain base
   * path such as {@code /prod}), or {@code ""}. Prepend it when building links and redirects.
   */
  public String mountPath() {
    return mountPath;
  }

  /**
   * The path of the route named {@code name} under this request's {@link #mountPath()}, from name/value pairs:
   * {@code req.urlFor("user", "id", 42, "q", "x y")} → {@code /users/42?q=x%20y}, or {@code /prod/users/42?q=x%20y}
   * behind a REST API stage {@code prod}. Encoding and checks: {@link dev.vial.routing.UrlBuilder}.
   *
   * @throws IllegalArgumentException for an unknown name, a missing parameter, or a value its converter refuses
   */
  public String urlFor(String name, Object... namesAndValues) {
    return urlBuilder().build(mountPath, name, namesAndValues);
  }

  /** {@link #urlFor(String, Object...)} with parameters from a map, in its iteration order. */
  public String urlFor(String name, Map<String, ?> params) {
    return urlBuilder().build(mountPath, name, params);
  }

  /** The template of the route that matched ({@code /users/{id:int}}), or {@code null} when none did. */
  public String route() {
    return route;
  }

  /** The path parameter {@code name} as decoded text, or {@code null} when the route has no such parameter. */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /**
   * The path parameter {@code name} as an int. With an {@code {name:int}} template it always converts;
   * on a plain {@code {name}} parameter a value that does not convert is the client's fault: 400.
   *
   * @throws IllegalArgumentException when the route has no such parameter (a programming error)
   */
  public int pathParamInt(String name) {
    return (int) convertedPathParam(name, ParamType.INT);
  }

  /** The path parameter {@code name} as a long; see {@link #pathParamInt(String)}. */
  public long pathParamLong(String name) {
    return convertedPathParam(name, ParamType.LONG);
  }

  /** The path parameter {@code name} as a UUID; see {@link #pathParamInt(String)}. */
  public UUID pathParamUuid(String name) {
    String value = requiredPathParam(name);
    if (!ParamType.UUID.accepts(value)) {
      throw notConvertible(name, ParamType.UUID);
    }
    return UUID.fromString(value);
  }

  /** Every path parameter, name → decoded value. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** The raw query string without {@code ?}, or {@code null} when the front door passed decoded parameters. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The first value of query parameter {@code name}, or {@code null}. */
  public String query(String name) {
    List<String> values = queryParams().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of query parameter {@code name}, in order; empty when absent. */
  public List<String> queryAll(String name) {
    return queryParams().getOrDefault(name, List.of());
  }

  /** All query parameters, name → values, in order of first appearance. */
  public Map<String, List<String>> queryParams() {
    Map<String, List<String>> parsed = queryParams;
    if (parsed == null) {
      parsed = FormData.parse(rawQuery);
      queryParams = parsed;
    }
    return parsed;
  }

  /** All header fields (case-insensitive, multi-valued). */
  public Headers headers() {
    return headers;
  }

  /** The first value of header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    return headers.first(name);
  }
  /** The {@code Last-Event-ID} header an {@code EventSource} sends when it reconnects, or {@code null}. */
  public String lastEventId() {
    return header("Last-Event-ID");
  }


  /** The {@code Content-Type} header, or {@code null}. */
  public String contentType() {
    return headers.first("Content-Type");
  }

  /** The value of cookie {@code name}, or {@code null}. */
  public String cookie(String name) {
    return cookies().get(name);
  }

  /** Every cookie the client sent, name → value. */
  public Map<String, String> cookies() {
    Map<String, String> parsed = cookies;
    if (parsed == null) {
      parsed = CookieParser.parse(headers.all("Cookie"));
      cookies = parsed;
    }
    return parsed;
  }

  /** The body bytes (not a copy: read-only by contract); empty, never {@code null}. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body bound to {@code type} with the app's Jackson mapper. A missing, malformed or mismatched
   * body is the client's fault: it throws an {@link HttpException} 400 whose message names the problem
   * and where it is (line and column).
   */
  public <T> T json(Class<T> type) {
    return jsonSupport().read(body, type);
  }

  /** Like {@link #json(Class)}, for generic types: {@code req.json(new TypeReference<List<Item>>() {})}. */
  public <T> T json(TypeReference<T> type) {
    return jsonSupport().read(body, type);
  }

  /**
   * The first value of form field {@code name} of an {@code application/x-www-form-urlencoded} body, or of a
   * non-file part of a {@code multipart/form-data} body; {@code null} when absent.
   */
  public String form(String name) {
    List<String> values = formParams().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of form field {@code name}; empty when absent. */
  public List<String> formAll(String name) {
    return formParams().getOrDefault(name, List.of());
  }

  /**
   * The fields of an {@code application/x-www-form-urlencoded} body, or the non-file parts of a
   * {@code multipart/form-data} body (a malformed one throws as {@link #multipart()} does); empty for
   * other content types.
   */
  public Map<String, List<String>> formParams() {
    Map<String, List<String>> parsed = formParams;
    if (parsed == null) {
      String type = MediaTypes.essence(contentType());
      parsed = MediaTypes.FORM.equals(type) ? FormData.parse(bodyText())
          : "multipart/form-data".equals(type) ? multipart().fields()
          : Map.of();
      formParams = parsed;
    }
    return parsed;
  }

  /**
   * The parts of a {@code multipart/form-data} body, parsed on the first call (in linear time) and kept.
   * Limits: {@link MultipartLimits#defaults()}, or what {@code app.multipartLimits(..)} set.
   *
   * @throws HttpException 400 naming the problem for another content type or a malformed body; 413
   *     naming the limit for too many parts or too large part headers
   */
  public Multipart multipart() {
    Multipart parsed = multipart;
    if (parsed == null) {
      parsed = Multipart.parse(contentType(), body, attribute(MultipartLimits.ATTRIBUTE));
      multipart = parsed;
    }
    return parsed;
  }

  /**
   * This request's signed-cookie session (see {@link Session}); reading it adds {@code Vary: Cookie} to
   * the response.
   *
   * @throws IllegalStateException when the app has no sessions ({@code app.sessions()})
   */
  public Session session() {
    return Session.of(this);
  }

  /** The client's address as the front door saw it (socket peer, or the event's source IP), or {@code null}. */
  public String remoteAddress() {
    return remoteAddress;
  }

  /** The attribute {@code name} a filter stored for this request, or {@code null}. */
  @SuppressWarnings("unchecked")
  public <T> T attribute(String name) {
    return (T) attributes.get(name);
  }

  /** Stores a per-request attribute (e.g. the authenticated user, set by a before filter). */
  public void attribute(String name, Object value) {
    attributes.put(name, value);
  }

  /**
   * The front door's own context when it is of {@code type} (the Lambda adapter attaches its Lambda
   * request context here); empty otherwise, e.g. when running on the local server.
   */
  public <T> Optional<T> context(Class<T> type) {
    return type.isInstance(context) ? Optional.of(type.cast(context)) : Optional.empty();
  }

  private JsonSupport jsonSupport() {
    if (json == null) {
      throw new IllegalStateException("JSON binding needs a request that went through App.handle");
    }
    return json;
  }

  private UrlBuilder urlBuilder() {
    if (urls == null) {
      throw new IllegalStateException("urlFor needs a request that went through App.handle");
    }
    return urls;
  }

  private long convertedPathParam(String name, ParamType type) {
    String value = requiredPathParam(name);
    if (!type.accepts(value)) {
      throw notConvertible(name, type);
    }
    return Long.parseLong(value);
  }

  private static HttpException notConvertible(String name, ParamType type) {
    return new HttpException(400, "Path parameter '" + name + "' must be " + (type == ParamType.INT ? "an " : "a ")
        + type.label());
  }

  private String requiredPathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("Route " + route + " has no path parameter '" + name + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    return method + " " + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  /** Assembles a {@link Request} in a front door. Only method and raw path are required. */
  public static final class Builder {
    private final String method;
    private final String rawPath;
    private String rawQuery;
    private Map<String, List<String>> decodedQuery;
    private Headers headers = Headers.empty();
    private byte[] body = new byte[0];
    private String remoteAddress;
    private Object context;
    private String mountPath = "";

    private Builder(String method, String rawPath) {
      if (method == null || method.isEmpty()) {
        throw new IllegalArgumentException("Request method must not be empty");
      }
      if (rawPath == null) {
        throw new IllegalArgumentException("Request path must not be null");
      }
      this.method = method;
      this.rawPath = rawPath.isEmpty() ? "/" : rawPath;
    }

    /** The raw query string (without {@code ?}), decoded on first access. */
    public Builder rawQuery(String rawQuery) {
      this.rawQuery = rawQuery;
      this.decodedQuery = null;
      return this;
    }

    /**
     * Query parameters that are already decoded (API Gateway REST events); they are never decoded
     * again. {@code null} means none.
     */
    public Builder queryParams(Map<String, List<String>> decoded) {
      this.decodedQuery = FormData.freeze(decoded);
      this.rawQuery = null;
      return this;
    }

    /** The header fields. */
    public Builder headers(Headers headers) {
      this.headers = headers;
      return this;
    }

    /** The body bytes (not copied); {@code null} means empty. */
    public Builder body(byte[] body) {
      this.body = body == null ? new byte[0] : body;
      return this;
    }

    /** The client's address. */
    public Builder remoteAddress(String remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    /** The front door's own context object, returned by {@link Request#context(Class)}. */
    public Builder context(Object context) {
      this.context = context;
      return this;
    }

    /** The path prefix the front door stripped before routing (see {@link Request#mountPath()}). */
    public Builder mountPath(String mountPath) {
      this.mountPath = mountPath == null ? "" : mountPath;
      return this;
    }

    /** The immutable request. */
    public Request build() {
      return new Request(this);
    }
  }
}
