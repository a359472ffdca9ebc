package dev.vial;

import dev.vial.routing.PathTemplate;

/**
 * A group of routes, filters and error handlers under a URL prefix, mounted with
 * {@code app.register(blueprint)}; blueprints nest. One blueprint per resource keeps a large app tidy:
 *
 * <pre>{@code
 * Blueprint users = new Blueprint("/users")
 *     .get("/{id:int}", req -> json(Map.of("id", req.pathParamInt("id"))))
 *     .before(req -> req.header("Authorization") == null ? status(401) : null);
 * app.register(users);   // GET /users/{id:int}
 * }</pre>
 *
 * <p>A blueprint's filters and error handlers apply to its own routes and, for requests that match no
 * route, to paths under its (parameter-free) prefix. Once registered, a blueprint cannot change: further
 * declarations throw {@link IllegalStateException}. It may be registered again, e.g. under another parent.
 */
public final class Blueprint extends RouteGroup<Blueprint> {

  private final String prefix;
  private volatile boolean registered;

  /** A blueprint whose routes live under {@code prefix} ({@code "/api"}, or {@code ""} for none). */
  public Blueprint(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("Blueprint prefix must not be null (use \"\" for none)");
    }
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (!trimmed.isEmpty()) {
      PathTemplate.parse(trimmed);
    }
    this.prefix = trimmed;
  }

  /** The URL prefix, without a trailing slash ({@code ""} for none). */
  public String prefix() {
    return prefix;
  }

  @Override
  Blueprint self() {
    return this;
  }

  /** Its parent took a snapshot of its routes for the conflict check, so it must not change any more. */
  void markRegistered() {
    registered = true;
  }

  @Override
  void checkOpen() {
    if (registered) {
      throw new IllegalStateException("Blueprint '" + prefix + "' is already registered: declare its routes, "
          + "filters, handlers and nested blueprints before registering it");
    }
  }
}
