package dev.vial;

import dev.vial.conditional.ConditionalRequests;
import dev.vial.routing.PathSegments;
import dev.vial.routing.PathTemplate;
import dev.vial.routing.RouteTable;
import dev.vial.routing.UrlBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app's compiled route table and the request pipeline over it: parse → route → before filters →
 * handler → JSON rendering → after filters → conditional request → HEAD. Built once, on the app's first
 * request, when the routes can no longer change; immutable after that, except that the app's
 * {@link ErrorRenderer} is read on each failure (it may be set later, as dev mode does).
 */
final class Dispatcher {

  /** The app's logger: these lines are the app's, as they were when this code lived in {@link App}. */
  private static final Logger log = LoggerFactory.getLogger(App.class);

  /** A named class, not a lambda: no method-handle bootstrap when the first request compiles the table. */
  private static final Comparator<Scope> LONGEST_PREFIX_FIRST = new Comparator<>() {
    @Override
    public int compare(Scope a, Scope b) {
      return Integer.compare(b.prefix.length(), a.prefix.length());
    }
  };

  private record Route(Handler handler, Scope scope) {}

  private final App owner;
  private final RouteTable<Route> table;
  private final Scope root;
  private final List<Scope> prefixScopes;
  private final JsonSupport json;
  /** {@code null} when handlers run on the calling thread (the default). */
  private final HandlerDeadline deadline;
  private final UrlBuilder urls;

  private Dispatcher(App owner, RouteTable<Route> table, Scope root, List<Scope> prefixScopes, JsonSupport json,
      HandlerDeadline deadline, UrlBuilder urls) {
    this.owner = owner;
    this.table = table;
    this.root = root;
    this.prefixScopes = prefixScopes;
    this.json = json;
    this.deadline = deadline;
    this.urls = urls;
  }

  /** Compiles {@code app}'s routes, blueprints included. */
  static Dispatcher compile(App app, JsonSupport json, HandlerDeadline deadline, UrlBuilder urls) {
    RouteTable<Route> table = new RouteTable<>();
    Scope root = new Scope("", null, app);
    List<Scope> prefixScopes = new ArrayList<>();
    compile(app, "", root, table, prefixScopes);
    prefixScopes.sort(LONGEST_PREFIX_FIRST);
    return new Dispatcher(app, table, root, List.copyOf(prefixScopes), json, deadline, urls);
  }

  /** The app's JSON mapper, created on first use. */
  JsonSupport json() {
    return json;
  }

  /** The named routes, for {@code urlFor}. */
  UrlBuilder urls() {
    return urls;
  }

  /** Answers a request a front door refused before routing, through the error handlers of the scope its path falls in. */
  Response reject(Request request, HttpException error) {
    Scope scope = scopeFor(request.rawPath());
    Request req = request.routed(request.rawPath(), Map.of(), null, json, urls);
    return complete(scope, req, Failures.answer(scope, req, error, owner.errorRenderer()));
  }

  /** For requests no route matched: the deepest blueprint whose prefix covers the path. */
  private Scope scopeFor(String path) {
    for (Scope scope : prefixScopes) {
      if (Scope.covers(scope.prefix, path)) {
        return scope;
      }
    }
    return root;
  }

  private static void compile(RouteGroup<?> group, String prefix, Scope scope, RouteTable<Route> table,
      List<Scope> prefixScopes) {
    for (RouteGroup.RouteSpec spec : group.routes) {
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

  /** Routes {@code request} and runs filters, handler and error handlers: parse → route → handle. */
  Response dispatch(Request request) {
    String rawPath = request.rawPath();
    String method = request.method();
    String[] segments;
    try {
      segments = PathSegments.decode(rawPath);
    } catch (IllegalArgumentException malformed) {
      Scope scope = scopeFor(rawPath);
      Request req = request.routed(rawPath, Map.of(), null, json, urls);
      return complete(scope, req, Failures.answer(scope, req, new HttpException(400, malformed.getMessage()), owner.errorRenderer()));
    }
    String path = rawPath.indexOf('%') < 0 ? rawPath : decodedPath(rawPath, segments);
    RouteTable.Match<Route> match = table.find(method, segments);
    if (match == null && method.equals("HEAD")) {
      match = table.find("GET", segments);
    }
    Scope scope;
    Request req;
    if (match != null) {
      scope = match.value().scope();
      req = request.routed(path, match.params(), match.template().text(), json, urls);
    } else {
      scope = scopeFor(path);
      req = request.routed(path, Map.of(), null, json, urls);
    }
    Response response;
    try {
      response = runBefores(scope, req);
      if (response == null) {
        response = match != null ? invoke(deadline, match.value().handler(), req)
            : unrouted(method, segments);
      }
      if (response.hasJsonValue()) {
        response = response.withRenderedJson(json.write(response.jsonValue()));
      }
    } catch (Throwable failure) {
      response = Failures.answer(scope, req, failure, owner.errorRenderer());
    }
    return complete(scope, req, response);
  }

  /** Renders JSON (so after filters see the real body), runs the after filters, then shapes the result for HEAD. */
  private Response complete(Scope scope, Request req, Response response) {
    Response filtered = runAfters(scope, req, render(json, req, response));
    Response rendered = ConditionalRequests.apply(req, render(json, req, filtered));
    if (rendered.isStreaming()) { // a body failing before its first byte is answered like any handler failure
      rendered = rendered.withStreamFailureAnswer(failure -> complete(scope, req, Failures.answer(scope, req, failure, owner.errorRenderer())));
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
      return Failures.internalError();
    }
  }

  /** The answer when Vial itself failed (e.g. a route table that cannot compile): a bare 500. */
  static Response lastResort(Request request, Throwable bug) {
    log.error("Could not answer {}", request, bug);
    Response error = Failures.internalError();
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

  private Response unrouted(String method, String[] segments) {
    Set<String> methods = table.methodsFor(segments);
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

  private static Response runAfters(Scope scope, Request req, Response response) {
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
          return Failures.internalError();
        }
      }
    }
    return current;
  }
}
