package dev.vial.launcher;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.events.ServiceEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invoke} in process: the answer alone on standard output, the rest on standard error. */
class InvokeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SQS = "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"ok\",\"eventSource\":\"aws:sqs\","
      + "\"eventSourceARN\":\"arn:aws:sqs:eu-west-1:123456789012:q\"},{\"messageId\":\"m2\",\"body\":\"fail\","
      + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:eu-west-1:123456789012:q\"}]}";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private InputStream originalIn;

  private final AppSource source = new AppSource(InvokeCommandTest::app, () -> new LambdaHandler(app(),
      new ServiceEvents().sqs("q", msg -> {
        System.out.println("a stray print from the app");
        if (msg.body().equals("fail")) {
          throw new IllegalStateException("no");
        }
      })));

  private static App app() {
    return new App().get("/", req -> ok("home"));
  }

  @BeforeEach
  void captureStreams() {
    originalOut = System.out;
    originalErr = System.err;
    originalIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStreams() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    System.setIn(originalIn);
  }

  @Test
  void printsOnlyTheAnswerOfAServiceEventFromAFile(@TempDir Path dir) throws Exception {
    Path event = Files.writeString(dir.resolve("sqs.json"), SQS);

    int status = new InvokeCommand().run(new String[] {event.toString()}, source);

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("a stray print from the app");
  }

  @Test
  void readsAnHttpEventFromStandardInput() throws Exception {
    String event = "{\"version\":\"2.0\",\"rawPath\":\"/\",\"rawQueryString\":\"\",\"headers\":{},"
        + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"sourceIp\":\"1.2.3.4\"},\"domainName\":\"x\"}}";
    System.setIn(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));

    int status = new InvokeCommand().run(new String[] {"-"}, source);

    assertThat(status).isZero();
    JsonNode envelope = JSON.readTree(out.toByteArray());
    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.get("body").asText()).isEqualTo("home");
  }

  @Test
  void aFailedInvocationPrintsLambdasErrorShapeAndExitsOne(@TempDir Path dir) throws Exception {
    Path event = Files.writeString(dir.resolve("odd.json"), "{\"Records\":[{\"eventSource\":\"aws:sqs\","
        + "\"messageId\":\"m\",\"eventSourceARN\":\"arn:aws:sqs:eu-west-1:1:other\"}]}");

    int status = new InvokeCommand().run(new String[] {event.toString()}, source);

    assertThat(status).isEqualTo(1);
    JsonNode error = JSON.readTree(out.toByteArray());
    assertThat(error.get("errorType").asText()).isEqualTo("dev.vial.lambda.events.ServiceEventException");
    assertThat(error.get("errorMessage").asText())
        .isEqualTo("No registration matches SQS other, 1 record; registered: SQS queue q");
    assertThat(error.get("stackTrace").isArray()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  @Test
  void notJsonIsAFailedInvocationToo(@TempDir Path dir) throws Exception {
    Path event = Files.writeString(dir.resolve("bad.json"), "not json");

    assertThat(new InvokeCommand().run(new String[] {event.toString()}, source)).isEqualTo(1);
    assertThat(JSON.readTree(out.toByteArray()).get("errorType").asText())
        .isEqualTo("dev.vial.lambda.UnsupportedEventException");
  }

  @Test
  void badArgumentsPrintUsageAndExitTwo() throws Exception {
    assertThat(new InvokeCommand().run(new String[] {}, source)).isEqualTo(2);
    assertThat(new InvokeCommand().run(new String[] {"/no/such/file.json"}, source)).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar app.jar invoke FILE|-")
        .contains("no such file: /no/such/file.json");
  }

  @Test
  void isRegisteredAsACommand() {
    assertThat(Launcher.commands()).containsKey("invoke");
  }
}
