package dev.vial;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.conditional.ConditionalRequests;
import dev.vial.http.StatusCodes;
import dev.vial.multipart.MultipartLimits;
import dev.vial.session.SessionFilter;
import dev.vial.session.SessionOptions;
import dev.vial.openapi.ApiInfo;
import dev.vial.openapi.OpenApi;
import dev.vial.routing.PathSegments;
import dev.vial.routing.PathTemplate;
import dev.vial.routing.RouteTable;
import dev.vial.routing.UrlBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vial application: a route table with filters and error handlers, answering {@link Request}s with
 * {@link Response}s. Every front door (the local server, the Lambda adapter, tests) calls
 * {@link #handle(Request)}.
 *
 * <pre>{@code
 * App app = new App();
 * app.get("/", req -> ok("hello"));
 * app.get("/users/{id:int}", req -> json(Map.of("id", req.pathParamInt("id"))));
 * }</pre>
 *
 * <p>Routes are declared first; the table is compiled on the first request and cannot change after.
 * Paths are matched segment by segment on the raw path, each segment percent-decoded once; a trailing
 * slash is ignored ({@code /a/} matches {@code /a}). See {@link RouteTable} for precedence.
 *
 * <p>Answers the app gives by itself:
 * <ul>
 *   <li>a malformed path ({@code %zz}, invalid UTF-8): 400, through the error handlers of the
 *       blueprint whose prefix covers the raw path (no before filters run);
 *   <li>no route for the path: 404; a route for the path but not the method: 405 with {@code Allow}
 *       (which always lists {@code OPTIONS}, and {@code HEAD} next to {@code GET});
 *   <li>{@code OPTIONS} without an explicit route: 204 with {@code Allow};
 *   <li>{@code HEAD} without an explicit route runs the {@code GET} route; the body is dropped and,
 *       when there was one, its length kept as {@code Content-Length};
 *   <li>anything unexpected (an exception, a handler or error handler returning {@code null}, an after
 *       filter failing, a header that could split the response): 500 with the bare JSON body. A failing
 *       after filter ends the after chain; the filters after it do not run;
 *   <li>a route handler still running at the {@link #deadline(Duration) deadline}, if one is set: 503;
 *   <li>a 200 to {@code GET}/{@code HEAD} with an {@code ETag} or {@code Last-Modified} whose validators the
 *       request's preconditions match: 304 (or 412), see {@link ConditionalRequests}.
 * </ul>
 */
public final class App extends RouteGroup<App> {

  private static final Logger log = LoggerFactory.getLogger(App.class);

  /** A named class, not a lambda: no method-handle bootstrap when the first request compiles the table. */
  private static final Comparator<Scope> LONGEST_PREFIX_FIRST = new Comparator<>() {
    @Override
    public int compare(Scope a, Scope b) {
      return Integer.compare(b.prefix.length(), a.prefix.length());
    }
  };

  private record Route(Handler handler, Scope scope) {}

  /** {@code deadline}: {@code null} when handlers run on the calling thread (the default). */
  private record Compiled(RouteTable<Route> table, Scope root, List<Scope> prefixScopes, JsonSupport json,
      HandlerDeadline deadline, UrlBuilder urls) {
    /** For requests no route matched: the deepest blueprint whose prefix covers the path. */
    Scope scopeFor(String path) {
      for (Scope scope : prefixScopes) {
        if (Scope.covers(scope.prefix, path)) {
          return scope;
        }
      }
      return root;
    }
  }

  /** {@code null}: the default mapper. */
  private Supplier<ObjectMapper> jsonMapperFactory;
  /** {@code null}: no deadline. */
  private Duration deadline;
  /** {@code null}: the app declared no API info. */
  private ApiInfo apiInfo;
  private volatile Compiled compiled;
  /** {@code null}: the default JSON error bodies only. */
  private volatile ErrorRenderer errorRenderer;
  /** {@code null}: the key comes from the environment. */
  private List<String> secretKeys;
  /** {@code null}: no sessions. */
  private SessionFilter sessions;

  /** An empty app. */
  public App() {}

  /**
   * Uses this factory for the app's Jackson mapper (request binding and {@code json(..)} responses).
   * It is called once, on the first request that needs JSON. Default: {@code new ObjectMapper()}.
   */
  public App jsonMapper(Supplier<ObjectMapper> factory) {
    checkOpen();
    if (factory == null) {
      throw new IllegalArgumentException("JSON mapper factory must not be null");
    }
    this.jsonMapperFactory = factory;
    return this;
  }

  /**
   * Bounds how long a route handler may run. Off by default: handlers run on the calling thread and
   * only the front door bounds them (the local server's response timeout, the Lambda function timeout).
   *
   * <p>With a deadline, each matched route handler runs on its own thread (a virtual thread on Java
   * 21+, else a daemon thread from a pool the app keeps) while the calling thread waits at most
   * {@code deadline}. Before filters, after filters and error handlers still run on the calling thread,
   * and attributes the before filters set are visible to the handler. What the handler throws is handled
   * as usual. When the deadline passes first, the app logs one WARN line (method, path, deadline),
   * interrupts the handler thread and answers 503 through its error handlers: {@code error(503, ..)}
   * customises it, the default body is {@code {"error":"Service Unavailable","status":503}}. A handler
   * that ignores the interrupt keeps its thread until it returns, and its late response is dropped; it
   * must not touch the request after its deadline. The caller's MDC is copied to the handler thread.
   *
   * @param deadline at least 1 ms
   */
  public App deadline(Duration deadline) {
    checkOpen();
    HandlerDeadline.validate(deadline);
    this.deadline = deadline;
    return this;
  }

  /** Renders the errors no error handler claims (instead of the default JSON body) with {@code renderer}; {@code null} for none. */
  public App errorRenderer(ErrorRenderer renderer) {
    this.errorRenderer = renderer;
    return this;
  }

  /**
   * Binds JSON bytes to {@code type} with the app's mapper, exactly as {@link Request#json(Class)} does
   * (an {@link HttpException} 400 naming the mismatch); for front doors that carry JSON outside a request.
   */
  public <T> T readJson(byte[] json, Class<T> type) {
    return compiled().json().read(json, type);
  }

  /** Like {@link #readJson(byte[], Class)}, for generic types. */
  public <T> T readJson(byte[] json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
    return compiled().json().read(json, type);
  }

  /** {@code value} as JSON bytes, written as a {@code Responses.json(value)} body would be. */
  public byte[] writeJson(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
    return compiled().json().write(value);
  }

  /**
   * Serves this app's OpenAPI 3.0.3 document at {@code GET /openapi.json} (built from the route table on
   * the first request, then cached). See {@link OpenApi} for what it contains.
   */
  public App openApi(ApiInfo info) {
    if (info == null) {
      throw new IllegalArgumentException("API info must not be null");
    }
    get("/openapi.json", OpenApi.handler(this));
    this.apiInfo = info;
    return this;
  }

  /** The info block given to {@link #openApi(ApiInfo)}, or {@link ApiInfo#DEFAULT}. */
  public ApiInfo apiInfo() {
    return apiInfo == null ? ApiInfo.DEFAULT : apiInfo;
  }

  /** Limits for {@code req.multipart()}: default {@link MultipartLimits#defaults()} (1,000 parts, 8 KiB of headers per part). */
  public App multipartLimits(MultipartLimits limits) {
    checkOpen();
    befores.add(0, new ScopedBefore(null, MultipartLimits.filter(limits))); // hands them to every request
    return this;
  }

  /** Signs session cookies with {@code key}, still accepting (and re-signing) {@code fallbackKeys}; default: env {@code VIAL_SECRET_KEY}. Call before {@link #sessions()}. */
  public App secretKey(String key, String... fallbackKeys) {
    checkOpen();
    if (sessions != null) {
      throw new IllegalStateException("Set the secret key before turning sessions on with sessions()");
    }
    secretKeys = new ArrayList<>(java.util.Arrays.asList(fallbackKeys));
    secretKeys.add(0, key); // checked, with the others, when sessions() settles the key
    return this;
  }

  /** Whether {@link #sessions()} is on: such an app needs its secret key wherever it runs (a deployment template passes it). */
  public boolean usesSessions() {
    return sessions != null;
  }

  /** Turns signed-cookie sessions ({@code req.session()}) on with {@link SessionOptions#defaults()}. */
  public App sessions() {
    return sessions(SessionOptions.defaults());
  }

  /** Turns signed-cookie sessions on; the key is settled now, see {@link SessionFilter#create(SessionOptions, List)}. */
  public App sessions(SessionOptions options) {
    checkOpen();
    sessions = SessionFilter.create(options, secretKeys);
    befores.add(0, new ScopedBefore(null, sessions)); // first, so every other filter can use the session
    afters.add(new ScopedAfter(null, sessions)); // the app's after filters run last: the cookie sees their changes
    return this;
  }

  /** The route table: every route with its full template, blueprints included, sorted by path then method. */
  public List<RouteInfo> routes() {
    List<RouteInfo> routes = new ArrayList<>();
    collectRoutes(this, "", routes);
    routes.sort(Comparator.comparing(RouteInfo::template).thenComparing(RouteInfo::method));
    return List.copyOf(routes);
  }

  /**
   * The path of the route named {@code name}, without a mount path: {@code app.urlFor("user", "id", 42)} →
   * {@code /users/42}. In a handler use {@link Request#urlFor(String, Object...)}, which knows the mount path.
   *
   * @throws IllegalArgumentException as {@link Request#urlFor(String, Object...)}
   */
  public String urlFor(String name, Object... namesAndValues) {
    return urls().build("", name, namesAndValues);
  }

  /** {@link #urlFor(String, Object...)} with parameters from a map, in its iteration order. */
  public String urlFor(String name, Map<String, ?> params) {
    return urls().build("", name, params);
  }

  /** Before the first request the routes may still change, so nothing is cached then. */
  private UrlBuilder urls() {
    Compiled current = compiled;
    return current != null ? current.urls : new UrlBuilder(names);
  }

  /**
   * Answers {@code request}. Never throws: errors become responses (the default body is JSON,
   * {@code {"error": "...", "status": N}}, and never shows a stack trace; unexpected exceptions are
   * logged with theirs). The response is fully rendered (JSON values turned into bytes); for
   * {@code HEAD} it has no body but keeps the {@code Content-Length} the GET body would have had.
   */
  public Response handle(Request request) {
    try {
      return dispatch(compiled(), request);
    } catch (Throwable bug) {
      return lastResort(request, bug);
    }
  }

  /**
   * Answers a request that a front door refused before routing, such as a body over its size limit
   * (413): the app's error handler for that status, or the default JSON error body. After filters run
   * as for any other response. Never throws.
   */
  public Response reject(Request request, HttpException error) {
    try {
      Compiled routes = compiled();
      Scope scope = routes.scopeFor(request.rawPath());
      Request req = request.routed(request.rawPath(), Map.of(), null, routes.json, routes.urls);
      return complete(routes, scope, req, handleFailure(scope, req, error));
    } catch (Throwable bug) {
      return lastResort(request, bug);
    }
  }

  @Override
  App self() {
    return this;
  }

  @Override
  void checkOpen() {
    if (compiled != null) {
      throw new IllegalStateException("Routes, filters and handlers cannot change once the app has handled a request");
    }
  }

  private Compiled compiled() {
    Compiled current = compiled;
    if (current == null) {
      synchronized (this) {
        current = compiled;
        if (current == null) {
          RouteTable<Route> table = new RouteTable<>();
          Scope root = new Scope("", null, this);
          List<Scope> prefixScopes = new ArrayList<>();
          compile(this, "", root, table, prefixScopes);
          prefixScopes.sort(LONGEST_PREFIX_FIRST);
          current = new Compiled(table, root, List.copyOf(prefixScopes), new JsonSupport(jsonMapperFactory),
              deadline == null ? null : new HandlerDeadline(deadline), new UrlBuilder(names));
          compiled = current;
        }
      }
    }
    return current;
  }

  private static void compile(RouteGroup<?> group, String prefix, Scope scope, RouteTable<Route> table,
      List<Scope> prefixScopes) {
    for (RouteSpec spec : group.routes) {
      table.add(spec.method(), PathTemplate.parse(PathTemplate.join(prefix, spec.template())),
          new Route(spec.handler(), scope));
    }
    for (Blueprint blueprint : group.blueprints) {
      String childPrefix = PathTemplate.join(prefix, blueprint.prefix().isEmpty() ? "/" : blueprint.prefix());
      if (childPrefix.equals("/")) {
        childPrefix = prefix;
      }
      Scope child = new Scope(childPrefix, scope, blueprint);
      if (!childPrefix.isEmpty()) {
        prefixScopes.add(child);
      }
      compile(blueprint, childPrefix, child, table, prefixScopes);
    }
  }

  private static void collectRoutes(RouteGroup<?> group, String prefix, List<RouteInfo> routes) {
    for (RouteSpec spec : group.routes) {
      routes.add(new RouteInfo(spec.method(), PathTemplate.join(prefix, spec.template()), spec.name(), spec.doc()));
    }
    for (Blueprint blueprint : group.blueprints) {
      String childPrefix = blueprint.prefix().isEmpty() ? prefix : PathTemplate.join(prefix, blueprint.prefix());
      collectRoutes(blueprint, childPrefix, routes);
    }
  }

  /** Routes {@code request} and runs filters, handler and error handlers: parse → route → handle. */
  private Response dispatch(Compiled routes, Request request) {
    String rawPath = request.rawPath();
    String method = request.method();
    String[] segments;
    try {
      segments = PathSegments.decode(rawPath);
    } catch (IllegalArgumentException malformed) {
      Scope scope = routes.scopeFor(rawPath);
      Request req = request.routed(rawPath, Map.of(), null, routes.json, routes.urls);
      return complete(routes, scope, req, handleFailure(scope, req, new HttpException(400, malformed.getMessage())));
    }
    String path = rawPath.indexOf('%') < 0 ? rawPath : decodedPath(rawPath, segments);
    RouteTable.Match<Route> match = routes.table.find(method, segments);
    if (match == null && method.equals("HEAD")) {
      match = routes.table.find("GET", segments);
    }
    Scope scope;
    Request req;
    if (match != null) {
      scope = match.value().scope();
      req = request.routed(path, match.params(), match.template().text(), routes.json, routes.urls);
    } else {
      scope = routes.scopeFor(path);
      req = request.routed(path, Map.of(), null, routes.json, routes.urls);
    }
    Response response;
    try {
      response = runBefores(scope, req);
      if (response == null) {
        response = match != null ? invoke(routes.deadline, match.value().handler(), req)
            : unrouted(routes, method, segments);
      }
      if (response.hasJsonValue()) {
        response = response.withRenderedJson(routes.json.write(response.jsonValue()));
      }
    } catch (Throwable failure) {
      response = handleFailure(scope, req, failure);
    }
    return complete(routes, scope, req, response);
  }

  /** Renders JSON (so after filters see the real body), runs the after filters, then shapes the result for HEAD. */
  private Response complete(Compiled routes, Scope scope, Request req, Response response) {
    Response filtered = runAfters(scope, req, render(routes.json, req, response));
    Response rendered = ConditionalRequests.apply(req, render(routes.json, req, filtered));
    if (rendered.isStreaming()) { // a body failing before its first byte is answered like any handler failure
      rendered = rendered.withStreamFailureAnswer(failure -> complete(routes, scope, req, handleFailure(scope, req, failure)));
    }
    if (!req.method().equals("HEAD")) {
      return rendered;
    }
    if (rendered.body().length > 0 && rendered.header("Content-Length") == null) {
      rendered = rendered.withHeader("Content-Length", Integer.toString(rendered.body().length));
    }
    return rendered.withoutBody();
  }

  private static Response render(JsonSupport json, Request req, Response response) {
    if (!response.hasJsonValue()) {
      return response;
    }
    try {
      return response.withRenderedJson(json.write(response.jsonValue()));
    } catch (Throwable failure) {
      log.error("Could not render the JSON response for {} {}", req.method(), req.rawPath(), failure);
      return internalError();
    }
  }

  /** The answer when Vial itself failed (e.g. a route table that cannot compile): a bare 500. */
  private static Response lastResort(Request request, Throwable bug) {
    log.error("Could not answer {}", request, bug);
    Response error = internalError();
    return request != null && "HEAD".equals(request.method()) ? error.withoutBody() : error;
  }

  private static String decodedPath(String rawPath, String[] segments) {
    String path = "/" + PathSegments.join(segments, 0, segments.length);
    return rawPath.endsWith("/") && segments.length > 0 ? path + "/" : path;
  }

  private static Response invoke(HandlerDeadline deadline, Handler handler, Request req) throws Exception {
    return deadline == null ? invoke(handler, req) : deadline.call(() -> invoke(handler, req), req);
  }

  private static Response invoke(Handler handler, Request req) throws Exception {
    Response response = handler.handle(req);
    if (response == null) {
      throw new IllegalStateException("Handler for " + req.method() + " " + req.route() + " returned null");
    }
    return response;
  }

  private static Response unrouted(Compiled routes, String method, String[] segments) {
    Set<String> methods = routes.table.methodsFor(segments);
    if (methods.isEmpty()) {
      throw new HttpException(404);
    }
    String allow = allowHeader(methods);
    if (method.equals("OPTIONS")) {
      return Response.of(204).withHeader("Allow", allow);
    }
    throw new HttpException(405, "Method Not Allowed", Headers.of("Allow", allow), null);
  }

  private static String allowHeader(Set<String> methods) {
    Set<String> allowed = new TreeSet<>(methods);
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    allowed.add("OPTIONS");
    return String.join(", ", allowed);
  }

  private static Response runBefores(Scope scope, Request req) throws Exception {
    for (Scope.Before before : scope.befores) {
      if (Scope.covers(before.pathPrefix(), req.path())) {
        Response early = before.filter().before(req);
        if (early != null) {
          return early;
        }
      }
    }
    return null;
  }

  private Response runAfters(Scope scope, Request req, Response response) {
    Response current = response;
    for (Scope.After after : scope.afters) {
      if (Scope.covers(after.pathPrefix(), req.path())) {
        try {
          Response replaced = after.filter().after(req, current);
          if (replaced == null) {
            throw new IllegalStateException("After filter returned null");
          }
          current = replaced;
        } catch (Throwable failure) {
          log.error("After filter failed for {} {}", req.method(), req.rawPath(), failure);
          return internalError();
        }
      }
    }
    return current;
  }

  private Response handleFailure(Scope scope, Request req, Throwable failure) {
    HttpException httpError;
    if (failure instanceof HttpException e) {
      httpError = e;
    } else {
      ExceptionHandler<? super Throwable> handler = scope.exceptionHandler(failure);
      if (handler != null) {
        try {
          Response handled = handler.handle(failure, req);
          if (handled != null) {
            return handled;
          }
          log.error("Exception handler for {} returned null ({} {})",
              failure.getClass().getName(), req.method(), req.rawPath(), failure);
        } catch (Throwable handlerFailure) {
          handlerFailure.addSuppressed(failure);
          log.error("Exception handler for {} failed ({} {})",
              failure.getClass().getName(), req.method(), req.rawPath(), handlerFailure);
        }
        return internalError();
      }
      log.error("Unhandled exception for {} {}", req.method(), req.rawPath(), failure);
      httpError = new HttpException(500, "Internal Server Error", Headers.empty(), failure);
    }
    ExceptionHandler<? super Throwable> byClass = scope.exceptionHandler(httpError);
    ExceptionHandler<? super HttpException> handler =
        byClass != null ? byClass : scope.statusHandler(httpError.status());
    if (handler != null) {
      try {
        Response handled = handler.handle(httpError, req);
        if (handled != null) {
          return handled;
        }
        log.error("Error handler for status {} returned null ({} {})", httpError.status(), req.method(), req.rawPath());
      } catch (Throwable handlerFailure) {
        log.error("Error handler for status {} failed ({} {})",
            httpError.status(), req.method(), req.rawPath(), handlerFailure);
      }
      return internalError();
    }
    Response rendered = errorRenderer == null ? null : errorRenderer.render(req, httpError);
    return rendered != null ? rendered : defaultErrorResponse(httpError, req);
  }

  /** The default JSON error body with the exception's extra headers (e.g. {@code Allow}). */
  private static Response defaultErrorResponse(HttpException error, Request req) {
    String message = error.getMessage() != null ? error.getMessage() : StatusCodes.reasonPhrase(error.status());
    Response response = Responses.error(error.status(), message);
    try {
      Headers extra = error.headers();
      for (String name : extra.names()) {
        for (String value : extra.all(name)) {
          response = response.withAddedHeader(name, value);
        }
      }
    } catch (IllegalArgumentException invalidHeader) {
      // A header that could split the response must never reach the wire; the error is the app's.
      log.error("HttpException {} for {} {} carries an invalid header", error.status(), req.method(), req.rawPath(),
          invalidHeader);
      return internalError();
    }
    return response;
  }

  private static Response internalError() {
    return Responses.error(500, "Internal Server Error");
  }
}
