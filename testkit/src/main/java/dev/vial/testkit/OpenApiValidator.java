package dev.vial.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks OpenAPI documents with a real validator: Redocly CLI's {@code lint} (the OpenAPI 3.0 structure,
 * resolvable {@code $ref}s, declared path parameters, unique operation ids and parameters, no identical or
 * ambiguous paths, enum values of their type), run by Node.js. The package {@code @redocly/cli} is looked
 * up in the folder named by the system property {@code vial.nodeTools}, else the environment variable
 * {@code VIAL_NODE_TOOLS}, else {@code ~/.cache/vial/node}; install it there with
 * {@code npm install --prefix <folder> @redocly/cli}. When Node or the package is missing,
 * {@link #available()} says why, so a test can skip with that message.
 *
 * <pre>{@code
 * OpenApiValidator validator = new OpenApiValidator();
 * assumeTrue(validator.available() == null, validator.available());
 * assertThat(validator.validate(OpenApi.toJson(OpenApi.document(app)))).isEmpty();
 * }</pre>
 */
public final class OpenApiValidator {

  /** Errors for what breaks a document; warnings (style, security schemes) do not fail it. */
  private static final String RULES = """
      extends:
        - minimal
      rules:
        struct: error
        no-unresolved-refs: error
        path-parameters-defined: %s
        operation-operationId-unique: error
        operation-parameters-unique: error
        no-identical-paths: error
        no-ambiguous-paths: error
        no-path-trailing-slash: error
        operation-operationId-url-safe: error
        no-enum-type-mismatch: error
      """;

  private final Path tools;

  /** A validator using the folder the configuration names (see the class comment). */
  public OpenApiValidator() {
    String configured = System.getProperty("vial.nodeTools", System.getenv("VIAL_NODE_TOOLS"));
    this.tools = configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "vial", "node");
  }

  /** {@code null} when the validator can run, else why it cannot (to skip a test with). */
  public String available() {
    if (!Files.isRegularFile(tools.resolve("node_modules/@redocly/cli/package.json"))) {
      return "@redocly/cli is not installed under " + tools + " (.ci/run installs it: "
          + "npm install --prefix " + tools + " @redocly/cli)";
    }
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().readAllBytes();
      return node.waitFor(60, TimeUnit.SECONDS) && node.exitValue() == 0 ? null : "node --version failed";
    } catch (IOException | InterruptedException e) {
      return "Node.js is not on the PATH: " + e.getMessage();
    }
  }

  /**
   * Validates a plain document (JSON or YAML text).
   *
   * @return the empty string when the document is valid, else the validator's report
   * @throws IllegalStateException when the validator cannot run (see {@link #available()})
   */
  public String validate(String document) throws IOException, InterruptedException {
    return lint(document, "error");
  }

  /**
   * Validates a document flavoured for API Gateway. Greedy paths follow API Gateway's convention, a
   * {@code {proxy+}} segment with a parameter named {@code proxy}, which a plain OpenAPI linter reports as
   * an undeclared parameter: that one rule is a warning here, every other one is as strict as in
   * {@link #validate(String)}.
   */
  public String validateGatewayFlavoured(String document) throws IOException, InterruptedException {
    return lint(document, "warn");
  }

  private String lint(String document, String pathParameterRule) throws IOException, InterruptedException {
    String unavailable = available();
    if (unavailable != null) {
      throw new IllegalStateException(unavailable);
    }
    Path dir = Files.createTempDirectory("openapi");
    Path file = dir.resolve("openapi.json");
    Path config = dir.resolve("redocly.yaml");
    try {
      Files.writeString(file, document, StandardCharsets.UTF_8);
      Files.writeString(config, String.format(RULES, pathParameterRule), StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder(List.of("node",
          tools.resolve("node_modules/@redocly/cli/bin/cli.js").toString(), "lint", "--config", config.toString(),
          "--format", "stylish", file.toString())).redirectErrorStream(true);
      builder.environment().put("NO_COLOR", "1");
      builder.environment().put("REDOCLY_TELEMETRY", "off");
      builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
      Process node = builder.start();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!node.waitFor(120, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        return "the validator did not finish within 120 s";
      }
      return node.exitValue() == 0 ? "" : output;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(config);
      Files.deleteIfExists(dir);
    }
  }
}
