package dev.vial;

/** Runs after the handler (or an error handler) and may replace the response, e.g. to add headers. */
@FunctionalInterface
public interface AfterFilter {

  /** Returns the response to send: {@code res} itself or a modified copy. */
  Response after(Request req, Response res) throws Exception;
}
