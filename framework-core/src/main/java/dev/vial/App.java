package dev.vial;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.conditional.ConditionalRequests;
import dev.vial.multipart.MultipartLimits;
import dev.vial.session.SessionFilter;
import dev.vial.session.SessionOptions;
import dev.vial.openapi.ApiInfo;
import dev.vial.openapi.OpenApi;
import dev.vial.routing.PathTemplate;
import dev.vial.routing.RouteTable;
import dev.vial.routing.UrlBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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

  /** {@code null}: the default mapper. */
  private Supplier<ObjectMapper> jsonMapperFactory;
  /** {@code null}: no deadline. */
  private Duration deadline;
  /** {@code null}: the app declared no API info. */
  private ApiInfo apiInfo;
  private volatile Dispatcher dispatcher;
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
    return dispatcher().json().read(json, type);
  }

  /** Like {@link #readJson(byte[], Class)}, for generic types. */
  public <T> T readJson(byte[] json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
    return dispatcher().json().read(json, type);
  }

  /** {@code value} as JSON bytes, written as a {@code Responses.json(value)} body would be. */
  public byte[] writeJson(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
    return dispatcher().json().write(value);
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
    Dispatcher current = dispatcher;
    return current != null ? current.urls() : new UrlBuilder(names);
  }

  /**
   * Answers {@code request}. Never throws: errors become responses (the default body is JSON,
   * {@code {"error": "...", "status": N}}, and never shows a stack trace; unexpected exceptions are
   * logged with theirs). The response is fully rendered (JSON values turned into bytes); for
   * {@code HEAD} it has no body but keeps the {@code Content-Length} the GET body would have had.
   */
  public Response handle(Request request) {
    try {
      return dispatcher().dispatch(request);
    } catch (Throwable bug) {
      return Dispatcher.lastResort(request, bug);
    }
  }

  /**
   * Answers a request that a front door refused before routing, such as a body over its size limit
   * (413): the app's error handler for that status, or the default JSON error body. After filters run
   * as for any other response. Never throws.
   */
  public Response reject(Request request, HttpException error) {
    try {
      return dispatcher().reject(request, error);
    } catch (Throwable bug) {
      return Dispatcher.lastResort(request, bug);
    }
  }

  @Override
  App self() {
    return this;
  }

  @Override
  void checkOpen() {
    if (dispatcher != null) {
      throw new IllegalStateException("Routes, filters and handlers cannot change once the app has handled a request");
    }
  }

  private Dispatcher dispatcher() {
    Dispatcher current = dispatcher;
    if (current == null) {
      synchronized (this) {
        current = dispatcher;
        if (current == null) {
          current = Dispatcher.compile(this, new JsonSupport(jsonMapperFactory),
              deadline == null ? null : new HandlerDeadline(deadline), new UrlBuilder(names));
          dispatcher = current;
        }
      }
    }
    return current;
  }

  /** The renderer for errors no handler claims, as set now; {@code null} for the default JSON body. */
  ErrorRenderer errorRenderer() {
    return errorRenderer;
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
}
