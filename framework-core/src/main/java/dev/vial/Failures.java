package dev.vial;

import dev.vial.http.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong while answering a request into a response: the blueprint's or app's exception
 * and status handlers, then the app's {@link ErrorRenderer}, then the default JSON error body. A handler
 * that fails or returns {@code null} gives a bare 500. Never throws.
 */
final class Failures {

  /** The app's logger: these lines are the app's, as they were when this code lived in {@link App}. */
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private Failures() {}

  /** The answer to {@code failure} for {@code req}, whose routing ended in {@code scope}; {@code renderer} may be {@code null}. */
  static Response answer(Scope scope, Request req, Throwable failure, ErrorRenderer renderer) {
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
    Response rendered = renderer == null ? null : renderer.render(req, httpError);
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

  /** The bare 500 for failures of Vial's own machinery or of an error handler. */
  static Response internalError() {
    return Responses.error(500, "Internal Server Error");
  }
}
