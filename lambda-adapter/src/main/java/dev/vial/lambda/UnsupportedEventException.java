package dev.vial.lambda;

/**
 * The invocation payload is not an HTTP event Vial can answer: not JSON, empty, a WebSocket, S3 or SQS
 * event, an authorizer input, or an HTTP-shaped event without a usable method or path. The message says
 * what arrived and what is accepted. Thrown rather than answered, because any proxy response would be
 * a guess; the Lambda runtime reports it as a function error.
 */
public final class UnsupportedEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String ACCEPTED = "Vial accepts API Gateway REST API proxy events (payload 1.0), HTTP API events "
      + "(payload 1.0 and 2.0), Application Load Balancer events and Lambda Function URL events; other AWS events "
      + "(SQS, SNS, S3, EventBridge, streams) when a ServiceEvents table registers them.";

  /** An exception whose message is {@code what} followed by the list of accepted events. */
  UnsupportedEventException(String what) {
    super(what + ". " + ACCEPTED);
  }

  /** Same, keeping the parser's failure as the cause. */
  UnsupportedEventException(String what, Throwable cause) {
    super(what + ". " + ACCEPTED, cause);
  }
}
