package dev.vial;

/**
 * Runs before the route handler. Returns {@code null} to let the request through, or a response to
 * answer right away (the handler is then skipped; after filters still run).
 */
@FunctionalInterface
public interface BeforeFilter {

  /** Inspects {@code req}; may set attributes with {@link Request#attribute(String, Object)}. */
  Response before(Request req) throws Exception;
}
