package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.lambda.UnsupportedEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample in the project's shared service-event folder (real AWS shapes from AWS's libraries, SAM and
 * Powertools), read in place: each reaches the handler registered for the name it carries, with every
 * record readable; WebSocket events (two of them HTTP hybrids) are refused; SES and Cognito reach the
 * fallback, which answers the event as a Cognito trigger must.
 */
class SharedServiceEventsTest {

  private static final Path SHARED = Path.of("../../shared/service-events");

  static Stream<Path> samples() throws IOException {
    assumeTrue(Files.isDirectory(SHARED), "shared service-events folder " + SHARED.toAbsolutePath() + " is absent");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SHARED)) {
      files = walk.filter(path -> path.toString().endsWith(".json"))
          .filter(path -> !path.getFileName().toString().startsWith("response-")).sorted().toList();
    }
    assertThat(files).hasSize(41);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleReachesTheHandlerForWhatItCarries(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    JsonNode event = Events.JSON.readTree(bytes);
    List<Object> handled = new ArrayList<>();
    JsonNode records = event.path("Records");
    JsonNode first = records.path(0);
    String source = first.has("eventSource") ? first.get("eventSource").asText() : first.path("EventSource").asText();

    if (event.path("requestContext").has("eventType")) {
      assertThatThrownBy(() -> Events.invoke(new ServiceEvents().fallback(json -> json), bytes))
          .isInstanceOf(UnsupportedEventException.class)
          .hasMessageContaining("WebSocket");
      return;
    }
    ServiceEvents fallbackOnly = new ServiceEvents().fallback(json -> json);
    switch (source) {
      case "aws:sqs" -> {
        String queue = last(first.get("eventSourceARN").asText(), ':');
        assertThat(Events.invoke(new ServiceEvents().sqs(queue, handled::add), bytes))
            .isEqualTo("{\"batchItemFailures\":[]}");
      }
      case "aws:kinesis" -> {
        String stream = last(first.get("eventSourceARN").asText(), '/');
        assertThat(Events.invoke(new ServiceEvents().kinesis(stream, handled::add), bytes))
            .isEqualTo("{\"batchItemFailures\":[]}");
      }
      case "aws:dynamodb" -> {
        String table = first.get("eventSourceARN").asText().split("table/")[1].split("/")[0];
        assertThat(Events.invoke(new ServiceEvents().dynamodb(table, handled::add), bytes))
            .isEqualTo("{\"batchItemFailures\":[]}");
      }
      case "aws:s3" -> {
        String bucket = first.path("s3").path("bucket").path("name").asText();
        assertThat(Events.invoke(new ServiceEvents().s3(bucket, handled::add), bytes)).isEqualTo("null");
      }
      case "aws:sns" -> {
        String topic = last(first.path("Sns").path("TopicArn").asText(), ':');
        assertThat(Events.invoke(new ServiceEvents().sns(topic, handled::add), bytes)).isEqualTo("null");
      }
      default -> {
        if (event.has("awslogs")) {
          assertThat(Events.invoke(new ServiceEvents().logs("testLogGroup", d -> d.events().size()), bytes))
              .isEqualTo("2");
          return;
        }
        if (event.has("detail-type")) {
          String detailType = event.get("detail-type").asText();
          String eventSource = event.get("source").asText();
          if (detailType.equals("Scheduled Event") && eventSource.equals("aws.events")) {
            String rule = last(event.get("resources").get(0).asText(), '/');
            assertThat(Events.invoke(new ServiceEvents().schedule(rule, "rate(1 day)", ScheduledEvent::name), bytes))
                .isEqualTo("\"" + rule + "\"");
          } else {
            assertThat(Events.answer(new ServiceEvents().eventBridge(eventSource, detailType,
                ev -> Events.JSON.readTree(ev.detailJson())), bytes)).isEqualTo(event.get("detail"));
          }
          return;
        }
        // SES and Cognito: nothing registers them, the fallback answers the event itself
        assertThat(source.isEmpty() || source.equals("aws:ses")).as("unexpected source %s", source).isTrue();
        assertThat(Events.JSON.readTree(Events.invoke(fallbackOnly, bytes))).isEqualTo(event);
        assertThatThrownBy(() -> Events.invoke(new ServiceEvents(), bytes)).isInstanceOf(ServiceEventException.class);
        return;
      }
    }
    assertThat(handled).hasSize(records.size());
  }

  @org.junit.jupiter.api.Test
  void readsTheSamplesTrapsAsAwsMeantThem() throws IOException {
    assumeTrue(Files.isDirectory(SHARED), "shared service-events folder is absent");
    List<S3Record> keys = new ArrayList<>();
    Events.invoke(new ServiceEvents().s3("sourcebucket", keys::add), Files.readAllBytes(SHARED.resolve("aws-lambda-dotnet/s3-event.json")));
    Events.invoke(new ServiceEvents().s3("sourcebucket", keys::add), Files.readAllBytes(SHARED.resolve("aws-lambda-go/s3-event.json")));
    List<KinesisRecord> kinesis = new ArrayList<>();
    Events.invoke(new ServiceEvents().kinesis("simple-stream", kinesis::add),
        Files.readAllBytes(SHARED.resolve("aws-lambda-go/kinesis-event.json")));
    List<SqsMessage> fifo = new ArrayList<>();
    Events.invoke(new ServiceEvents().sqs("Test.fifo", fifo::add),
        Files.readAllBytes(SHARED.resolve("powertools-lambda-python/snsSqsFifoEvent.json")));

    assertThat(keys).extracting(S3Record::key).containsExactly("HappyFace.jpg", "New File.jpg", "Happy Face.jpg");
    assertThat(kinesis).extracting(KinesisRecord::text).containsExactly("Hello World", "Hello World");
    assertThat(fifo.get(0).messageGroupId()).isEqualTo("powertools-test");
    assertThat(fifo.get(0).snsNotification().topic()).isEqualTo("Test.fifo");
  }

  private static String last(String arn, char separator) {
    return arn.substring(arn.lastIndexOf(separator) + 1);
  }
}
