package dev.vial.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar app.jar invoke FILE|-}: runs one Lambda event (HTTP or service event) from a file or
 * standard input through the app's Lambda handler class, as Lambda would, and prints what Lambda would
 * return: one JSON document on standard output, exit 0. A failed invocation prints Lambda's error shape
 * ({@code {"errorMessage":..,"errorType":..}}) and exits 1. Everything else (logs, and anything the app
 * prints) goes to standard error, so the output can be piped into {@code jq}. It is
 * {@code sam local invoke} without Docker.
 */
final class InvokeCommand implements Command {

  static final String USAGE = "usage: java -jar app.jar invoke FILE|-   (one Lambda event as JSON; - reads standard input)";

  @Override
  public int run(String[] args, AppSource source) throws IOException {
    if (args.length != 1 || args[0].isEmpty()) {
      System.err.println(USAGE);
      return 2;
    }
    byte[] event;
    try {
      event = args[0].equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(args[0]));
    } catch (NoSuchFileException e) {
      System.err.println("vial invoke: no such file: " + args[0]);
      return 2;
    }
    PrintStream stdout = System.out;
    // Only the answer may reach standard output: whatever the app or a library prints goes to standard error.
    System.setOut(System.err);
    byte[] answer;
    int status;
    try {
      answer = invoke(source, event);
      status = 0;
    } catch (Exception | LinkageError | AssertionError e) {
      System.err.println("vial invoke: the invocation failed:");
      e.printStackTrace(System.err);
      answer = errorShape(e);
      status = 1;
    } finally {
      System.err.flush();
      System.setOut(stdout);
    }
    stdout.write(answer);
    stdout.write('\n');
    stdout.flush();
    return status;
  }

  private static byte[] invoke(AppSource source, byte[] event) throws IOException {
    LambdaHandler handler = source.lambdaHandler().get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new ByteArrayInputStream(event)) {
      handler.handleRequest(in, out, invokeContext());
    }
    return out.toByteArray();
  }

  /** Lambda's Java runtime error shape: the message, the exception's class name and its stack frames. */
  static byte[] errorShape(Throwable error) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("errorMessage", error.getMessage() == null ? error.toString() : error.getMessage());
      json.writeStringField("errorType", error.getClass().getName());
      json.writeArrayFieldStart("stackTrace");
      for (StackTraceElement frame : error.getStackTrace()) {
        json.writeString(frame.toString());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * The context of a local invocation: the function name from {@code AWS_LAMBDA_FUNCTION_NAME} when set, 15
   * minutes (Lambda's longest timeout), and the function's log lines on standard error with the other logs.
   */
  private static LocalContext invokeContext() {
    String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return new LocalContext(name == null || name.isBlank() ? "vial-invoke" : name, Duration.ofMinutes(15),
        LoggerFactory.getLogger("dev.vial.launcher.invoke.function"));
  }
}
