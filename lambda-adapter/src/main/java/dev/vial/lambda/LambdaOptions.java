package dev.vial.lambda;

import java.util.List;

/**
 * How the Lambda adapter translates events; immutable. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * new LambdaHandler(app, LambdaOptions.defaults().withBasePaths(List.of("/v1")))
 * }</pre>
 *
 * @param basePaths path prefixes to strip before routing, e.g. a custom domain's API mapping
 *     {@code /v1}; the first that matches a whole leading segment run wins, and what was stripped becomes
 *     the request's mount path. Each starts with {@code /} and does not end with one. Default: none.
 */
public record LambdaOptions(List<String> basePaths) {

  private static final LambdaOptions DEFAULTS = new LambdaOptions(List.of());

  /** Validates and freezes the options. */
  public LambdaOptions {
    if (basePaths == null) {
      throw new IllegalArgumentException("basePaths must not be null (use List.of())");
    }
    basePaths = List.copyOf(basePaths);
    for (String base : basePaths) {
      if (!base.startsWith("/") || base.endsWith("/") || base.length() < 2) {
        throw new IllegalArgumentException(
            "Base path '" + base + "' must start with '/', not end with '/' and not be '/' alone (e.g. \"/v1\")");
      }
    }
  }

  /** No base paths. */
  public static LambdaOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with these base paths (first match wins). */
  public LambdaOptions withBasePaths(List<String> basePaths) {
    return new LambdaOptions(basePaths);
  }
}
