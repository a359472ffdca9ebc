package dev.vial.example.echo.ric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * AWS's real Lambda Runtime Interface Client ({@code com.amazonaws:aws-lambda-java-runtime-interface-client})
 * in a child JVM, set up as Lambda's managed Java runtime starts it: the task root is the working
 * directory, the handler string is the only argument, and the function's settings arrive as
 * {@code AWS_LAMBDA_*} environment variables. Its stdout and stderr go to a log file.
 */
final class RicProcess implements AutoCloseable {

  static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  static final String FUNCTION_NAME = "echo";
  /** The system property that makes the RIC load its JNI client from a path we choose. */
  private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Process process;
  private final Path log;

  private RicProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the RIC for {@code handler} against the Runtime API at {@code runtimeApi} ({@code host:port}).
   *
   * @param classpath the JVM's class path: the RIC and its dependencies (plus the function, when it is not
   *     deployed into {@code taskRoot})
   * @param taskRoot the working directory, where the RIC looks for the function's classes and {@code lib/*.jar}
   * @param scratch a directory for the JNI library and the log file
   */
  static RicProcess start(String classpath, Path taskRoot, Path scratch, String handler, String runtimeApi)
      throws IOException {
    Path jni = extractJniLibrary(scratch);
    Path log = Files.createTempFile(scratch, "ric-", ".log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // the managed runtime's flags: a fast C1-only start and the serial collector
        "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-D" + JNI_PROPERTY + "=" + jni,
        "-cp", classpath,
        MAIN_CLASS,
        handler))
        .directory(taskRoot.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION_NAME);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + FUNCTION_NAME);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("_HANDLER", handler);
    env.put("VIAL_SECRET_KEY", "ric-test-session-key-0123456789abcdef"); // sessions refuse to start on Lambda without one
    return new RicProcess(builder.start(), log);
  }

  /** Runs {@code action} with the exit code once the JVM has exited, whatever the reason. */
  void onExit(IntConsumer action) {
    process.onExit().thenAccept(exited -> action.accept(exited.exitValue()));
  }

  /** Everything the RIC and the handler printed so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(could not read " + log + ": " + e + ")";
    }
  }

  /** Stops the JVM: politely first, then by force; waits a bounded time for it to go. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Copies the RIC's native Runtime API client out of its jar into {@code dir}. Left to itself the RIC
   * copies it to the fixed path {@code /tmp/.libaws-lambda-jni.so} on every start, which races when
   * several runtimes start at once.
   */
  private static Path extractJniLibrary(Path dir) throws IOException {
    String resource = "jni/libaws-lambda-jni.linux-" + architecture() + ".so";
    Path target = dir.resolve("libaws-lambda-jni.so");
    if (Files.exists(target)) {
      return target;
    }
    try (InputStream in = RicProcess.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The RIC jar on the test class path has no " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      default -> throw new IllegalStateException("The RIC ships no JNI client for " + arch);
    };
  }
}
