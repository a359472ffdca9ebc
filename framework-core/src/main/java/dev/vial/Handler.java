package dev.vial;

/**
 * Answers one request. Registered on a route: {@code app.get("/", req -> ok("hello"))}.
 *
 * <p>A handler may throw: an {@link HttpException} becomes its status, anything else goes to the
 * app's exception handlers and, unhandled, becomes a 500 whose body reveals nothing. Returning
 * {@code null} is a programming error and also answers 500.
 */
@FunctionalInterface
public interface Handler {

  /** Produces the response for {@code req}. */
  Response handle(Request req) throws Exception;
}
