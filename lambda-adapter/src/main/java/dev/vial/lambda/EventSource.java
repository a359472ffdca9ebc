package dev.vial.lambda;

/** Which AWS service sent the event: each has its own event and response shape. */
public enum EventSource {
  /** API Gateway REST API, Lambda proxy integration (payload 1.0). */
  REST_V1,
  /** API Gateway HTTP API, payload format 2.0. */
  HTTP_API_V2,
  /** API Gateway HTTP API, payload format 1.0 (REST-like shape, but a decoded path that includes the stage). */
  HTTP_API_V1,
  /** Application Load Balancer, Lambda target. */
  ALB,
  /** Lambda Function URL (payload 2.0 shape, no stages). */
  FUNCTION_URL
}
