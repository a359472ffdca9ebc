package dev.vial.example.echo.ric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.LambdaRuntimeApi;
import dev.vial.testkit.TestClient;
import dev.vial.testkit.TestRequest;
import dev.vial.testkit.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways the fat jar starts Vial's runtime loop, each as its own process against a Runtime API that
 * checks the streaming protocol, with every environment variable {@code template.yaml} gives
 * {@code EchoStreamingFunction}: {@code java -jar example-echo.jar lambda-runtime}, the
 * {@code AWS_LAMBDA_EXEC_WRAPPER} script given a managed-runtime command line, and the {@code bootstrap} of
 * {@code provided.al2023}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VialRuntimeFatJarIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void theLambdaRuntimeCommandStreams(@TempDir Path scratch) throws Exception {
    Path jar = Path.of(System.getProperty("echo.jar"));
    assertStreams(scratch, List.of(java(), "-jar", jar.toString(), "lambda-runtime"), Map.of());
  }

  @Test
  void theExecWrapperReplacesAwsRuntimeClientWithVialsLoop(@TempDir Path scratch) throws Exception {
    Path taskRoot = EchoLambdaFatJarIT.unzip(Path.of(System.getProperty("echo.jar")),
        Files.createDirectory(scratch.resolve("task")));
    // what Lambda's java17 runtime passes to its wrapper: java, JVM options, the RIC's class path and main class
    List<String> managedRuntime = List.of(java(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", "/var/runtime/lib/aws-lambda-java-runtime-interface-client.jar",
        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", RicContractHandler.NAME);
    List<String> command = new java.util.ArrayList<>();
    command.add(MODULE.resolve("lambda-runtime/vial-wrapper").toString());
    command.addAll(managedRuntime);
    assertStreams(scratch, command, Map.of("LAMBDA_TASK_ROOT", taskRoot.toString()));
  }

  @Test
  void theBootstrapOfAnOsOnlyRuntimeStreams(@TempDir Path scratch) throws Exception {
    Path taskRoot = Files.createDirectory(scratch.resolve("task"));
    Files.copy(Path.of(System.getProperty("echo.jar")), taskRoot.resolve("example-echo.jar"));
    assertStreams(scratch, List.of(MODULE.resolve("lambda-runtime/bootstrap").toString()),
        Map.of("LAMBDA_TASK_ROOT", taskRoot.toString(), "VIAL_JAVA", java()));
  }

  private static void assertStreams(Path scratch, List<String> command, Map<String, String> extraEnv) throws Exception {
    Path log = scratch.resolve("runtime.log");
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start()) {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.putAll(templateVariables());
      env.remove("AWS_LAMBDA_EXEC_WRAPPER"); // Lambda's to interpret: here the test runs the wrapper itself
      env.put("AWS_LAMBDA_RUNTIME_API", api.address());
      env.put("_HANDLER", RicContractHandler.NAME);
      env.put("AWS_LAMBDA_FUNCTION_NAME", "echo-streaming");
      env.putAll(extraEnv);
      Process process = builder.start();
      try {
        LambdaRuntimeApi.Answer stream = api.send(TestClient.event(TestRequest.get("/stream?chunks=2&delayMs=10"),
            Transport.FUNCTION_URL)).await(WAIT);
        LambdaRuntimeApi.Answer sse = api.send(TestClient.event(TestRequest.get("/sse?events=1"),
            Transport.FUNCTION_URL)).await(WAIT);

        assertThat(stream.kind()).as(Files.readString(log)).isEqualTo(LambdaRuntimeApi.Kind.STREAMED);
        assertThat(stream.violations()).isEmpty();
        assertThat(JSON.readTree(stream.preludeJson()).path("statusCode").asInt()).isEqualTo(200);
        assertThat(stream.httpBodyText()).isEqualTo("chunk 1\nchunk 2\n");
        assertThat(sse.httpBodyText()).isEqualTo("id: 1\nevent: tick\ndata: {\"i\":1}\n\n");
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** What a deployment passes for the template's parameters that functions read. */
  private static final Map<String, String> STACK_PARAMETERS =
      Map.of("SessionSecretKey", "vial-runtime-test-session-key-0123456789");

  /** The Globals' and EchoStreamingFunction's environment variables in template.yaml. */
  static Map<String, String> templateVariables() throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(MODULE.resolve("template.yaml"));
    String section = "";
    boolean inVariables = false;
    int variablesIndent = 0;
    String lastName = null;
    for (String line : lines) {
      String trimmed = line.trim();
      int indent = line.length() - line.stripLeading().length();
      if (indent == 0 && !trimmed.isEmpty()) {
        section = trimmed;
      } else if (indent == 2 && !trimmed.isEmpty()) {
        section = section.startsWith("Globals") ? "Globals" : trimmed;
      }
      if (trimmed.equals("Variables:")) {
        inVariables = section.equals("Globals") || section.equals("EchoStreamingFunction:");
        variablesIndent = indent;
        continue;
      }
      if (inVariables) {
        if (trimmed.isEmpty() || indent <= variablesIndent) {
          inVariables = false;
        } else if (!trimmed.startsWith("#")) {
          int colon = trimmed.indexOf(':');
          String key = trimmed.substring(0, colon).trim();
          String value = unquoted(trimmed.substring(colon + 1).trim());
          if (indent == variablesIndent + 2) {
            variables.put(key, value);
            lastName = key;
          } else if (key.equals("Ref")) { // a variable set from a stack parameter: the value a deployment gives
            variables.put(lastName, STACK_PARAMETERS.get(value));
          }
        }
      }
    }
    return variables;
  }

  /** A YAML scalar's value: the generator double-quotes values with spaces or special characters. */
  private static String unquoted(String scalar) {
    return scalar.length() >= 2 && scalar.startsWith("\"") && scalar.endsWith("\"")
        ? scalar.substring(1, scalar.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\")
        : scalar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The handler as the template names it. */
  private static final class RicContractHandler {
    static final String NAME = EchoLambdaUnderRicContract.HANDLER;
  }
}
