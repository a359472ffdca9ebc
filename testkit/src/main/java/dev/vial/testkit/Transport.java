package dev.vial.testkit;

/** The front doors a {@link TestClient} can reach an app through. */
public enum Transport {
  /** {@code App.handle} directly, no serialization. */
  IN_MEMORY,
  /** A real local server on a loopback port, through {@code java.net.http.HttpClient}. */
  HTTP,
  /** API Gateway REST API, proxy integration (payload 1.0), stage {@code prod}. */
  REST_V1,
  /** API Gateway HTTP API, payload 2.0, on a named stage ({@code dev}, which appears in {@code rawPath}). */
  HTTP_API_V2,
  /** API Gateway HTTP API, payload 2.0, on the {@code $default} stage. */
  HTTP_API_V2_DEFAULT_STAGE,
  /** API Gateway HTTP API with payload format 1.0. */
  HTTP_API_V1,
  /** Application Load Balancer target, single-value headers. */
  ALB,
  /** Application Load Balancer target with multi-value headers enabled. */
  ALB_MULTI_VALUE,
  /** Lambda Function URL (payload 2.0 on a {@code *.lambda-url.*} domain). */
  FUNCTION_URL;

  /** Whether this transport goes through the Lambda adapter. */
  public boolean isLambda() {
    return this != IN_MEMORY && this != HTTP;
  }
}
