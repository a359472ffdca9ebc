package dev.vial.example.echo;

import dev.vial.Blueprint;
import dev.vial.openapi.RouteDoc;

/** A handler that fails, to show what a client gets for a bug: the framework's 500, no stack trace. */
final class ErrorRoutes {

  private ErrorRoutes() {}

  /** {@code GET /error}. */
  static Blueprint blueprint() {
    return new Blueprint("/error")
        .get("/", RouteDoc.of("Fails on purpose").tags("errors")
            .response(500, "The framework's JSON error body, without a stack trace")
            .handles(req -> {
              throw new IllegalStateException("Deliberate failure from GET /error");
            }));
  }
}
