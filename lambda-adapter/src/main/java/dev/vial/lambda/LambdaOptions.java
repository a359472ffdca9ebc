package dev.vial.lambda;

import java.util.List;

/**
 * How the Lambda adapter translates events; immutable. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * new LambdaHandler(app, LambdaOptions.defaults()
 *     .withBasePaths(List.of("/v1"))
 *     .withPrimingPaths(List.of("/", "/users/42")))
 * }</pre>
 *
 * @param basePaths path prefixes to strip before routing, e.g. a custom domain's API mapping
 *     {@code /v1}; the first that matches a whole leading segment run wins, and what was stripped becomes
 *     the request's mount path. Each starts with {@code /} and does not end with one. Default: none.
 * @param primingPaths paths (with an optional query) that the handler's constructor sends through the
 *     whole pipeline as {@code GET} requests, once as a REST v1 and once as an HTTP API v2 event, and whose
 *     answers it discards. With SnapStart the snapshot is taken after the constructor, so the first real
 *     request after a restore finds the adapter, the router and these handlers already loaded and run.
 *     Priming calls your handlers: choose paths without side effects. Default: none.
 */
public record LambdaOptions(List<String> basePaths, List<String> primingPaths) {

  private static final LambdaOptions DEFAULTS = new LambdaOptions(List.of(), List.of());

  /** Validates and freezes the options. */
  public LambdaOptions {
    if (basePaths == null) {
      throw new IllegalArgumentException("basePaths must not be null (use List.of())");
    }
    if (primingPaths == null) {
      throw new IllegalArgumentException("primingPaths must not be null (use List.of())");
    }
    basePaths = List.copyOf(basePaths);
    primingPaths = List.copyOf(primingPaths);
    for (String base : basePaths) {
      if (!base.startsWith("/") || base.endsWith("/") || base.length() < 2) {
        throw new IllegalArgumentException(
            "Base path '" + base + "' must start with '/', not end with '/' and not be '/' alone (e.g. \"/v1\")");
      }
    }
    for (String path : primingPaths) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("Priming path '" + path + "' must start with '/' (e.g. \"/users/42\")");
      }
    }
  }

  /** Only base paths; no priming. */
  public LambdaOptions(List<String> basePaths) {
    this(basePaths, List.of());
  }

  /** No base paths, no priming. */
  public static LambdaOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with these base paths (first match wins). */
  public LambdaOptions withBasePaths(List<String> basePaths) {
    return new LambdaOptions(basePaths, primingPaths);
  }

  /** A copy that primes these {@code GET} paths in the handler's constructor (see {@link #primingPaths()}). */
  public LambdaOptions withPrimingPaths(List<String> primingPaths) {
    return new LambdaOptions(basePaths, primingPaths);
  }
}
