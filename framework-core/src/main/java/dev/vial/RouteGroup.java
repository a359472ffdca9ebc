package dev.vial;

import dev.vial.cors.CorsFilter;
import dev.vial.cors.CorsPolicy;
import dev.vial.openapi.DocumentedHandler;
import dev.vial.openapi.RouteDoc;
import dev.vial.routing.PathTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing DSL that {@link App} and {@link Blueprint} share: routes, filters, error handlers and
 * nested blueprints. Every method returns {@code this} for chaining.
 *
 * @param <S> the concrete type, returned for chaining
 */
public abstract class RouteGroup<S extends RouteGroup<S>> {

  record RouteSpec(String method, String template, String name, Handler handler, RouteDoc doc) {}

  record ScopedBefore(String pathPrefix, BeforeFilter filter) {}

  record ScopedAfter(String pathPrefix, AfterFilter filter) {}

  final List<RouteSpec> routes = new ArrayList<>();
  final List<ScopedBefore> befores = new ArrayList<>();
  final List<ScopedAfter> afters = new ArrayList<>();
  final Map<Class<? extends Throwable>, ExceptionHandler<? super Throwable>> exceptionHandlers = new LinkedHashMap<>();
  final Map<Integer, ExceptionHandler<? super HttpException>> statusHandlers = new HashMap<>();
  final List<Blueprint> blueprints = new ArrayList<>();
  /** "METHOD shape" → template, for every route below this group: the registration-time conflict check. */
  final Map<String, String> shapes = new HashMap<>();
  /** Route name → template (relative to this group) for every named route below it: what urlFor builds from. */
  final Map<String, String> names = new LinkedHashMap<>();

  RouteGroup() {}

  /** Adds a {@code GET} route. {@code HEAD} requests are answered by it too, without the body. */
  public S get(String path, Handler handler) {
    return route("GET", path, handler);
  }

  /** Adds a {@code POST} route. */
  public S post(String path, Handler handler) {
    return route("POST", path, handler);
  }

  /** Adds a {@code PUT} route. */
  public S put(String path, Handler handler) {
    return route("PUT", path, handler);
  }

  /** Adds a {@code PATCH} route. */
  public S patch(String path, Handler handler) {
    return route("PATCH", path, handler);
  }

  /** Adds a {@code DELETE} route. */
  public S delete(String path, Handler handler) {
    return route("DELETE", path, handler);
  }

  /** Adds an explicit {@code HEAD} route (otherwise {@code HEAD} runs the {@code GET} route). */
  public S head(String path, Handler handler) {
    return route("HEAD", path, handler);
  }

  /** Adds an {@code OPTIONS} route (otherwise {@code OPTIONS} answers 204 with {@code Allow}). */
  public S options(String path, Handler handler) {
    return route("OPTIONS", path, handler);
  }

  /** Adds a route for any method, e.g. {@code route("PROPFIND", "/dav/{rest:path}", handler)}. */
  public S route(String method, String path, Handler handler) {
    return route(method, path, null, handler);
  }

  /**
   * Adds a named route; the name shows in {@link App#routes()}, builds its path with
   * {@link Request#urlFor(String, Object...)} and makes its OpenAPI {@code operationId}. One name may label
   * several methods of the same template ({@code name == null}: no name). A handler made by
   * {@link RouteDoc#handles} documents the route; the table keeps the bare handler.
   *
   * @throws IllegalArgumentException for a malformed template, when the same method already has a
   *     route with the same template (parameter names aside), or when the name already labels another template
   */
  public S route(String method, String path, String name, Handler handler) {
    checkOpen();
    if (!isUpperCaseLetters(method)) {
      throw new IllegalArgumentException("HTTP method must be upper-case letters, got '" + method + "'");
    }
    if (handler == null) {
      throw new IllegalArgumentException("Handler for " + method + " " + path + " must not be null");
    }
    PathTemplate template = PathTemplate.parse(path);
    if (name != null) {
      checkName(name, template.text());
    }
    claim(method, template.text());
    if (name != null) {
      names.putIfAbsent(name, template.text());
    }
    RouteDoc doc = handler instanceof DocumentedHandler documented ? documented.doc() : null;
    Handler bare = handler instanceof DocumentedHandler documented ? documented.handler() : handler;
    routes.add(new RouteSpec(method, template.text(), name, bare, doc));
    return self();
  }

  /** Adds a filter that runs before every request handled in this group (404s and 405s included). */
  public S before(BeforeFilter filter) {
    return before(null, filter);
  }

  /**
   * Adds a filter for {@code path} and everything below it ({@code /admin} covers {@code /admin} and
   * {@code /admin/users}; a trailing {@code /*} means the same). The path is relative to this group.
   */
  public S before(String path, BeforeFilter filter) {
    checkOpen();
    befores.add(new ScopedBefore(normalizeScope(path), requireNonNull(filter, "filter")));
    return self();
  }

  /** Adds a filter that runs after every response of this group, error responses included. */
  public S after(AfterFilter filter) {
    return after(null, filter);
  }

  /** Adds an after filter for {@code path} and everything below it (see {@link #before(String, BeforeFilter)}). */
  public S after(String path, AfterFilter filter) {
    checkOpen();
    afters.add(new ScopedAfter(normalizeScope(path), requireNonNull(filter, "filter")));
    return self();
  }

  /**
   * Applies a CORS policy to this group's requests, unrouted paths below it included: answers preflights
   * before any handler and adds the CORS headers to every answer, errors included (see {@link CorsFilter}).
   * Call it before adding filters that could refuse a preflight.
   */
  public S cors(CorsPolicy policy) {
    CorsFilter filter = CorsFilter.of(policy);
    return before(filter).after(filter);
  }

  /**
   * Handles exceptions of {@code type} (and subclasses) thrown by handlers and filters. The most
   * specific class wins; at equal specificity a blueprint's handler wins over the app's. Handlers for
   * broad types such as {@code Exception} do not see {@link HttpException}s: use {@link #error} for those.
   */
  @SuppressWarnings("unchecked")
  public <E extends Throwable> S exception(Class<E> type, ExceptionHandler<? super E> handler) {
    checkOpen();
    exceptionHandlers.put(requireNonNull(type, "type"),
        (ExceptionHandler<? super Throwable>) requireNonNull(handler, "handler"));
    return self();
  }

  /**
   * Handles HTTP errors with {@code status}: {@link HttpException}s and {@code abort(..)} from handlers,
   * and the app's own 400, 404, 405, 413 and 500 answers. A response a handler returns with that status
   * is not an error and is sent as it is.
   */
  public S error(int status, ExceptionHandler<? super HttpException> handler) {
    checkOpen();
    statusHandlers.put(status, requireNonNull(handler, "handler"));
    return self();
  }

  /**
   * Mounts {@code blueprint} under this group. Declare the blueprint completely first: once registered
   * it cannot change any more.
   *
   * @throws IllegalArgumentException when one of its routes conflicts with an existing one
   */
  public S register(Blueprint blueprint) {
    checkOpen();
    requireNonNull(blueprint, "blueprint");
    if (blueprint == (Object) this || blueprint.contains(this)) {
      throw new IllegalArgumentException("Blueprint '" + blueprint.prefix() + "' cannot be registered inside itself");
    }
    for (Map.Entry<String, String> named : blueprint.names.entrySet()) {
      checkName(named.getKey(), PathTemplate.join(blueprint.prefix(), named.getValue()));
    }
    for (Map.Entry<String, String> shape : blueprint.shapes.entrySet()) {
      String key = shape.getKey();
      int space = key.indexOf(' ');
      claim(key.substring(0, space), PathTemplate.join(blueprint.prefix(), shape.getValue()));
    }
    for (Map.Entry<String, String> named : blueprint.names.entrySet()) {
      names.putIfAbsent(named.getKey(), PathTemplate.join(blueprint.prefix(), named.getValue()));
    }
    blueprints.add(blueprint);
    blueprint.markRegistered();
    return self();
  }

  abstract S self();

  void checkOpen() {}

  boolean contains(RouteGroup<?> group) {
    for (Blueprint child : blueprints) {
      if (child == group || child.contains(group)) {
        return true;
      }
    }
    return false;
  }

  private void claim(String method, String templateText) {
    PathTemplate template = PathTemplate.parse(templateText);
    String key = method + " " + template.shape();
    String existing = shapes.putIfAbsent(key, template.text());
    if (existing != null) {
      throw new IllegalArgumentException("Route conflict: " + method + " " + template.text()
          + " is already defined as " + method + " " + existing);
    }
  }

  /** Checks, before anything is claimed, that {@code name} labels no other template, so a refusal changes nothing. */
  private void checkName(String name, String templateText) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("Route name must not be blank (use null for none): " + templateText);
    }
    String existing = names.get(name);
    if (existing != null && !existing.equals(templateText)) {
      throw new IllegalArgumentException("Route name '" + name + "' already names " + existing + ", not "
          + templateText);
    }
  }

  private static String normalizeScope(String path) {
    if (path == null) {
      return null;
    }
    String scope = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
    if (scope.endsWith("/")) {
      scope = scope.substring(0, scope.length() - 1);
    }
    if (!scope.isEmpty() && !scope.startsWith("/")) {
      throw new IllegalArgumentException("Filter path must start with '/': '" + path + "'");
    }
    return scope;
  }

  private static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  private static boolean isUpperCaseLetters(String method) {
    if (method == null || method.isEmpty()) {
      return false;
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
