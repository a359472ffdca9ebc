package dev.vial.example.echo;

import dev.vial.Blueprint;

/** A handler that fails, to show what a client gets for a bug: the framework's 500, no stack trace. */
final class ErrorRoutes {

  private ErrorRoutes() {}

  /** {@code GET /error}. */
  static Blueprint blueprint() {
    return new Blueprint("/error")
        .get("/", req -> {
          throw new IllegalStateException("Deliberate failure from GET /error");
        });
  }
}
