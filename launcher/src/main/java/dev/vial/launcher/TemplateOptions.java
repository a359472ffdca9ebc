package dev.vial.launcher;

import dev.vial.openapi.Gateway;

/**
 * What {@code java -jar app.jar template} generates, every default visible here.
 *
 * @param mode {@link Gateway.Mode#PER_ROUTE} (default): the gateway knows every route and answers unknown
 *     paths itself; {@link Gateway.Mode#GREEDY}: {@code /} and {@code /{proxy+}}, every request reaches Lambda
 * @param apis which APIs: {@link Apis#BOTH} (default) is the HTTP API plus a REST API behind the
 *     template parameter {@code WithRestApi} (off unless set at deploy time)
 * @param codeUri the deployment package, relative to the template (default {@code target/<jar name>})
 * @param memoryMb the function's memory (default 1024: Java's cold start is CPU-bound and CPU grows with memory)
 * @param streamingMainClass {@code null} (default), or the app's main class: then a second function runs Vial's
 *     own runtime loop in streaming mode behind a {@code RESPONSE_STREAM} Function URL, started through the
 *     layer built from the module's {@code lambda-runtime/} folder
 */
public record TemplateOptions(Gateway.Mode mode, Apis apis, String codeUri, int memoryMb, String streamingMainClass) {

  /** Which API Gateway APIs front the function. */
  public enum Apis {
    /** An HTTP API (payload 2.0) only. */
    HTTP,
    /** A REST API (v1 proxy events, binary media types) only. */
    REST,
    /** The HTTP API, and the REST API when the stack parameter {@code WithRestApi} is {@code true}. */
    BOTH
  }

  /** Checks the values. */
  public TemplateOptions {
    if (mode == null || apis == null || codeUri == null || codeUri.isBlank()) {
      throw new IllegalArgumentException("mode, apis and codeUri must be given");
    }
    if (memoryMb < 128 || memoryMb > 10240) {
      throw new IllegalArgumentException("Lambda memory must be 128 to 10240 MB, got " + memoryMb);
    }
    if (streamingMainClass != null
        && !streamingMainClass.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
      throw new IllegalArgumentException("The streaming function's main class must be a class name, got '"
          + streamingMainClass + "'");
    }
  }

  /** The defaults, with the deployment package at {@code codeUri}. */
  public static TemplateOptions defaults(String codeUri) {
    return new TemplateOptions(Gateway.Mode.PER_ROUTE, Apis.BOTH, codeUri, 1024, null);
  }

  /** The same options in {@code mode}. */
  public TemplateOptions withMode(Gateway.Mode mode) {
    return new TemplateOptions(mode, apis, codeUri, memoryMb, streamingMainClass);
  }

  /** The same options with {@code apis}. */
  public TemplateOptions withApis(Apis apis) {
    return new TemplateOptions(mode, apis, codeUri, memoryMb, streamingMainClass);
  }

  /** The same options with the streaming Function URL for the app whose main class is {@code mainClass}. */
  public TemplateOptions withStreamingUrl(String mainClass) {
    return new TemplateOptions(mode, apis, codeUri, memoryMb, mainClass);
  }

  /** The same options with {@code memoryMb}. */
  public TemplateOptions withMemoryMb(int memoryMb) {
    return new TemplateOptions(mode, apis, codeUri, memoryMb, streamingMainClass);
  }
}
