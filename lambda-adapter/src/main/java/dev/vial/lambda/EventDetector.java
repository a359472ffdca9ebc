package dev.vial.lambda;

import java.util.List;

/**
 * Tells which service sent an event, in the order AWS's shapes make unambiguous: {@code requestContext.elb}
 * (ALB), {@code version} 2.0 (HTTP API, or Function URL on a {@code *.lambda-url.*} domain), {@code version}
 * 1.0 with {@code requestContext.apiId} (HTTP API payload 1.0), {@code resource} with {@code requestContext}
 * (REST API). WebSocket events and authorizer inputs look HTTP-like and are refused first.
 */
final class EventDetector {

  private EventDetector() {}

  /** The source of {@code event}, or an {@link UnsupportedEventException} naming what arrived. */
  static EventSource detect(EventFields event) {
    if (event.webSocketMarker != null) {
      throw new UnsupportedEventException("The event is an API Gateway WebSocket event (" + event.webSocketMarker + ")");
    }
    if (event.authorizerInput) {
      throw new UnsupportedEventException("The event is an API Gateway authorizer input (it has methodArn or routeArn); "
          + "an authorizer must answer with a policy, not an HTTP response");
    }
    if (event.hasElb) {
      return EventSource.ALB;
    }
    if ("2.0".equals(event.version)) {
      return isFunctionUrlDomain(event.domainName) ? EventSource.FUNCTION_URL : EventSource.HTTP_API_V2;
    }
    if ("1.0".equals(event.version) && event.apiId != null) {
      return EventSource.HTTP_API_V1;
    }
    if (event.hasResource && event.hasRequestContext) {
      return EventSource.REST_V1;
    }
    throw new UnsupportedEventException("The event is not an HTTP event" + describeKeys(event.topLevelKeys)
        + (event.version != null ? " and version \"" + event.version + "\"" : ""));
  }

  /**
   * Whether {@code event} is for a service-event table: not HTTP-shaped by the rules above, and neither a
   * WebSocket event nor an authorizer input (those stay refused). A few field checks, nothing more, so
   * HTTP events pay nothing for service events.
   */
  static boolean isServiceEvent(EventFields event) {
    return event.webSocketMarker == null && !event.authorizerInput && !event.hasElb && !"2.0".equals(event.version)
        && !("1.0".equals(event.version) && event.apiId != null) && !(event.hasResource && event.hasRequestContext);
  }

  private static boolean isFunctionUrlDomain(String domainName) {
    return domainName != null && domainName.contains(".lambda-url.");
  }

  private static String describeKeys(List<String> keys) {
    if (keys.isEmpty()) {
      return ": it is an empty JSON object";
    }
    List<String> shown = keys.size() > 8 ? keys.subList(0, 8) : keys;
    return " (top-level fields " + shown + (keys.size() > 8 ? " and " + (keys.size() - 8) + " more" : "") + ")";
  }
}
