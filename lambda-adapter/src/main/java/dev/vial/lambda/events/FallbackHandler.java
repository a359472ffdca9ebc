package dev.vial.lambda.events;

/**
 * Takes any event no registration matched, raw JSON in, raw JSON out: a Cognito trigger, for
 * instance, must answer with the (possibly changed) event it received.
 */
@FunctionalInterface
public interface FallbackHandler {

  /** Answers {@code eventJson} with a JSON document ({@code null} answers JSON {@code null}). */
  String handle(String eventJson) throws Exception;
}
