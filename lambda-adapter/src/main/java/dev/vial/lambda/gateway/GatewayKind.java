package dev.vial.lambda.gateway;

import java.util.Locale;

/** The AWS services that can put a Lambda function behind an HTTP endpoint, as Vial emulates them. */
public enum GatewayKind {
  /** API Gateway REST API, Lambda proxy integration: the stage is always the first path segment. */
  REST("rest", "API Gateway REST API (proxy integration)"),
  /** API Gateway HTTP API, payload format 2.0. */
  HTTP_API("http-api", "API Gateway HTTP API (payload 2.0)"),
  /** API Gateway HTTP API, payload format 1.0. */
  HTTP_API_V1("http-api-v1", "API Gateway HTTP API (payload 1.0)"),
  /** Application Load Balancer target, single-value headers. */
  ALB("alb", "Application Load Balancer"),
  /** Application Load Balancer target with multi-value headers enabled. */
  ALB_MULTI_VALUE("alb-multi", "Application Load Balancer (multi-value headers)"),
  /** Lambda Function URL (payload 2.0, no stages). */
  FUNCTION_URL("function-url", "Lambda Function URL");

  private final String cliName;
  private final String description;

  GatewayKind(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The name on the command line, e.g. {@code http-api}. */
  public String cliName() {
    return cliName;
  }

  /** A readable name, e.g. {@code API Gateway HTTP API (payload 2.0)}. */
  public String description() {
    return description;
  }

  /** Whether the service has stages (the API Gateway kinds). */
  public boolean hasStages() {
    return this == REST || this == HTTP_API || this == HTTP_API_V1;
  }

  /**
   * The stage used when none is named: {@code Prod} for REST APIs (the stage SAM's implicit API
   * creates), {@code $default} for HTTP APIs, {@code null} for kinds without stages.
   */
  public String defaultStage() {
    return switch (this) {
      case REST -> "Prod";
      case HTTP_API, HTTP_API_V1 -> "$default";
      default -> null;
    };
  }

  /** Whether the service answers with {@code multiValueHeaders} (REST, HTTP API 1.0, ALB multi-value). */
  boolean multiValueHeaders() {
    return this == REST || this == HTTP_API_V1 || this == ALB_MULTI_VALUE;
  }

  /**
   * The kind with this command-line name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static GatewayKind named(String name) {
    for (GatewayKind kind : values()) {
      if (kind.cliName.equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    StringBuilder names = new StringBuilder();
    for (GatewayKind kind : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(kind.cliName);
    }
    throw new IllegalArgumentException("Unknown gateway '" + name + "'; use one of " + names);
  }
}
