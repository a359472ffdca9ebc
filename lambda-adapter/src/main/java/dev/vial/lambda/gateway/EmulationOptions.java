package dev.vial.lambda.gateway;

import java.time.Duration;
import java.util.List;

/**
 * What {@link GatewayEmulation} emulates; immutable. Start from {@link #of(GatewayKind)}:
 *
 * <pre>{@code
 * EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev")   // http://127.0.0.1:8080/dev/users/42
 * }</pre>
 *
 * @param kind the service; no default
 * @param stage the stage for API Gateway kinds, the first path segment of every URL unless it is
 *     {@code $default} or a base path is set; default {@link GatewayKind#defaultStage()} ({@code Prod}
 *     for REST, {@code $default} for HTTP APIs); {@code null} for kinds without stages
 * @param basePath a custom domain's API mapping such as {@code /v1}: URLs must start with it, the stage
 *     is not in the URL, and the event's path keeps it (as on AWS; strip it with
 *     {@code LambdaOptions.withBasePaths}); default none ({@code null})
 * @param binaryMediaTypes a REST API's binary media types, the request bodies it base64-encodes; default
 *     {@code *}{@code /*} (every body), what the echo app's SAM template declares
 * @param timeout how long the service waits for the function before it answers 504 (REST) or 503 (HTTP
 *     APIs); default 29 s, API Gateway's integration timeout. ALBs and Function URLs wait for the function.
 * @param maxBodyBytes the largest request body, larger answers 413; default 10 MiB, API Gateway's limit
 */
public record EmulationOptions(GatewayKind kind, String stage, String basePath, List<String> binaryMediaTypes,
    Duration timeout, int maxBodyBytes) {

  /** API Gateway's request payload limit, 10 MiB. */
  public static final int GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** Checks and freezes the options. */
  public EmulationOptions {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (stage != null && !kind.hasStages()) {
      throw new IllegalArgumentException(kind.description() + " has no stages; drop --stage");
    }
    if (stage == null) {
      stage = kind.defaultStage();
    }
    if (stage != null && (stage.isEmpty() || stage.contains("/"))) {
      throw new IllegalArgumentException("Stage '" + stage + "' must be one path segment, e.g. dev");
    }
    if (basePath != null && (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.length() < 2)) {
      throw new IllegalArgumentException(
          "Base path '" + basePath + "' must start with '/', not end with '/' and not be '/' alone (e.g. /v1)");
    }
    binaryMediaTypes = List.copyOf(binaryMediaTypes);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative, got " + maxBodyBytes);
    }
  }

  /** The defaults for {@code kind}. */
  public static EmulationOptions of(GatewayKind kind) {
    return new EmulationOptions(kind, null, null, List.of("*/*"), Duration.ofSeconds(29), GATEWAY_MAX_BODY_BYTES);
  }

  /** A copy on this stage ({@code $default} puts no stage in the URL). */
  public EmulationOptions withStage(String stage) {
    return new EmulationOptions(kind, stage, basePath, binaryMediaTypes, timeout, maxBodyBytes);
  }

  /** A copy behind this custom-domain base path, e.g. {@code /v1}. */
  public EmulationOptions withBasePath(String basePath) {
    return new EmulationOptions(kind, stage, basePath, binaryMediaTypes, timeout, maxBodyBytes);
  }

  /** A copy with these REST binary media types. */
  public EmulationOptions withBinaryMediaTypes(List<String> binaryMediaTypes) {
    return new EmulationOptions(kind, stage, basePath, binaryMediaTypes, timeout, maxBodyBytes);
  }

  /** A copy with this integration timeout. */
  public EmulationOptions withTimeout(Duration timeout) {
    return new EmulationOptions(kind, stage, basePath, binaryMediaTypes, timeout, maxBodyBytes);
  }

  /** A copy with this request body limit. */
  public EmulationOptions withMaxBodyBytes(int maxBodyBytes) {
    return new EmulationOptions(kind, stage, basePath, binaryMediaTypes, timeout, maxBodyBytes);
  }

  /** Whether URLs start with a stage segment: a named stage of an API Gateway kind, without a base path. */
  boolean stageInUrl() {
    return stage != null && !stage.equals("$default") && basePath == null;
  }

  /** The path where the API starts, e.g. {@code /dev/}, {@code /v1/} or {@code /}. */
  public String entryPath() {
    return basePath != null ? basePath + "/" : stageInUrl() ? "/" + stage + "/" : "/";
  }

  /** One line for a banner, e.g. {@code API Gateway HTTP API (payload 2.0), stage dev}. */
  public String describe() {
    StringBuilder text = new StringBuilder(kind.description());
    if (stage != null) {
      text.append(", stage ").append(stage);
    }
    if (basePath != null) {
      text.append(", base path ").append(basePath);
    }
    if (kind == GatewayKind.REST) {
      text.append(", binary media types ").append(binaryMediaTypes);
    }
    return text.toString();
  }
}
