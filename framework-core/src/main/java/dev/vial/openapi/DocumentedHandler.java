package dev.vial.openapi;

import dev.vial.Handler;
import dev.vial.Request;
import dev.vial.Response;

/**
 * A handler with its route's documentation, made by {@link RouteDoc#handles(Handler)}. Registering it
 * ({@code app.get(path, documented)}) stores the documentation beside the route and the bare handler in
 * the route table, so requests never pass through this wrapper.
 *
 * @param doc the route's documentation
 * @param handler the handler that answers the route
 */
public record DocumentedHandler(RouteDoc doc, Handler handler) implements Handler {

  /** Checks that both parts are present. */
  public DocumentedHandler {
    if (doc == null || handler == null) {
      throw new IllegalArgumentException("doc and handler must not be null");
    }
  }

  /** Delegates to the handler (only reached when called directly, not through an app). */
  @Override
  public Response handle(Request req) throws Exception {
    return handler.handle(req);
  }
}
