package dev.vial;

/**
 * Turns an exception into a response. Registered by exception class with
 * {@code app.exception(MyException.class, (e, req) -> ...)} or by status with
 * {@code app.error(404, (e, req) -> ...)}.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ExceptionHandler<E extends Throwable> {

  /** Produces the response for {@code exception}, raised while handling {@code req}. */
  Response handle(E exception, Request req) throws Exception;
}
