package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.testkit.TestEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar example-echo.jar invoke FILE|-} as a user runs it: the answer Lambda would return as the
 * only thing on standard output, logs on standard error, exit 0; a failed invocation prints Lambda's error
 * shape and exits 1. Runs in Maven's {@code integration-test} phase, after {@code package} built the jar.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FatJarInvokeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int status, String out, String err) {}

  private static Run invoke(String argument, String stdin) throws Exception {
    Path jar = Path.of(System.getProperty("echo.jar", "target/example-echo.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", jar.toString(), "invoke", argument).start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("invoke finished").isTrue();
    Run run = new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    System.out.println("[invoke " + argument + "] exit " + run.status() + "\n--- stdout\n" + run.out() + "--- stderr\n" + run.err());
    return run;
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void answersAnSqsBatchFromAFileWithTheBatchResponseAlone() throws Exception {
    Run run = invoke(Path.of("events/sqs-echo-queue.json").toString(), null);

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + TestEvents.sqsMessageId(2)
        + "\"}]}\n");
    assertThat(run.err()).contains(TestEvents.sqsMessageId(2)).contains("asked to fail");
  }

  @Test
  void answersEveryServiceSourceFromStandardInput() throws Exception {
    Run run = invoke("-", TestEvents.s3("echo-bucket", "my cat+1.jpg"));

    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"source\":\"s3\",\"records\":[{\"event\":"
        + "\"ObjectCreated:Put\",\"bucket\":\"echo-bucket\",\"key\":\"my cat+1.jpg\",\"size\":1024}]}"));
  }

  @Test
  void answersAnHttpEventWithItsProxyResponse() throws Exception {
    Run run = invoke(Path.of("events/http-api-v2-post-json.json").toString(), null);

    assertThat(run.status()).isZero();
    JsonNode envelope = JSON.readTree(run.out());
    assertThat(envelope.path("statusCode").isInt()).isTrue();
    assertThat(run.out().lines()).hasSize(1);
  }

  @Test
  void aScheduleFromTheExampleEventsAnswersItsNameAndTime() throws Exception {
    Run run = invoke(Path.of("events/schedule-echo-nightly.json").toString(), null);

    assertThat(run.out()).isEqualTo("{\"source\":\"schedule\",\"name\":\"echo-nightly\",\"time\":\"2026-01-01T00:00:00Z\"}\n");
  }

  @Test
  void anUnmatchedEventPrintsLambdasErrorShapeAndExitsOne(@TempDir Path dir) throws Exception {
    Path event = Files.writeString(dir.resolve("other.json"), TestEvents.sqs("other-queue", "x"));

    Run run = invoke(event.toString(), null);

    assertThat(run.status()).isEqualTo(1);
    JsonNode error = JSON.readTree(run.out());
    assertThat(error.path("errorType").asText()).isEqualTo("dev.vial.lambda.events.ServiceEventException");
    assertThat(error.path("errorMessage").asText()).startsWith("No registration matches SQS other-queue, 1 record;");
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.err()).contains("ServiceEventException");
  }

  @Test
  void aMissingFileIsABadArgument() throws Exception {
    Run run = invoke("no-such-event.json", null);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no such file: no-such-event.json");
  }
}
