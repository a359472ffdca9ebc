package dev.vial.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.events.DynamoDbRecord;
import dev.vial.lambda.events.S3Record;
import dev.vial.lambda.events.ServiceEventException;
import dev.vial.lambda.events.ServiceEvents;
import dev.vial.lambda.events.SqsMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every builder's event reaches the adapter's handler for its name with the values it was built from. */
class TestEventsTest {

  private static TestInvocation run(ServiceEvents events, String event) {
    return TestEvents.invoke(new LambdaHandler(new App(), events), event);
  }

  @Test
  void sqsMessagesCarryPredictableIdsAndReportFailuresInOneLine() {
    ServiceEvents events = new ServiceEvents().sqs("orders", msg -> {
      if (msg.body().equals("fail")) {
        throw new IllegalStateException("no");
      }
    });

    assertThat(run(events, TestEvents.sqs("orders", "a", "fail", "c")).batchItemFailures())
        .containsExactly(TestEvents.sqsMessageId(2));
    assertThat(run(events, TestEvents.sqsFifo("orders", "g", "fail", "b")).batchItemFailures())
        .containsExactly(TestEvents.sqsMessageId(1), TestEvents.sqsMessageId(2));
  }

  @Test
  void sqsMessagesLookAsAwsSendsThem() {
    List<SqsMessage> messages = new ArrayList<>();
    run(new ServiceEvents().sqs("orders.fifo", messages::add), TestEvents.sqsFifo("orders.fifo", "group-1", "hello"));

    SqsMessage message = messages.get(0);
    assertThat(message.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders.fifo");
    assertThat(message.messageGroupId()).isEqualTo("group-1");
    assertThat(message.attributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp", "MessageDeduplicationId");
    assertThat(message.body()).isEqualTo("hello");
  }

  @Test
  void s3KeysAreWrittenFormUrlEncodedAsS3DoesAndReadBackDecoded() {
    List<S3Record> records = new ArrayList<>();
    run(new ServiceEvents().s3("uploads", records::add), TestEvents.s3("uploads", "my photos/a+b é.jpg"));
    run(new ServiceEvents().s3("uploads", records::add), TestEvents.s3("ObjectRemoved:Delete", "uploads", "x", null));

    assertThat(records.get(0).rawKey()).isEqualTo("my+photos/a%2Bb+%C3%A9.jpg");
    assertThat(records.get(0).key()).isEqualTo("my photos/a+b é.jpg");
    assertThat(records.get(0).size()).isEqualTo(1024L);
    assertThat(records.get(1).eventName()).isEqualTo("ObjectRemoved:Delete");
    assertThat(records.get(1).size()).isNull();
  }

  @Test
  void snsSchedulesAndEventBridgeEventsReachTheirHandlers() {
    ServiceEvents events = new ServiceEvents()
        .sns("alerts", msg -> {})
        .snsBatch("digest", list -> list.get(0).subject() + "/" + list.get(0).message())
        .schedule("nightly", "rate(1 day)", ev -> "rule " + ev.name())
        .scheduler("hourly", "rate(1 hour)", ev -> "schedule " + ev.name())
        .eventBridge("shop", "Paid", ev -> ev.detail(Map.class).get("amount"));

    assertThat(run(events, TestEvents.sns("alerts", null, "m")).json()).isEqualTo("null");
    assertThat(run(events, TestEvents.sns("digest", "s", "m")).json()).isEqualTo("\"s/m\"");
    assertThat(run(events, TestEvents.schedule("nightly")).json()).isEqualTo("\"rule nightly\"");
    assertThat(run(events, TestEvents.scheduler("hourly")).json()).isEqualTo("\"schedule hourly\"");
    assertThat(run(events, TestEvents.eventBridge("shop", "Paid", "{\"amount\":5}")).json()).isEqualTo("5");
  }

  @Test
  void kinesisDataIsBase64EncodedAndFailuresUseTheSequenceNumbers() {
    ServiceEvents events = new ServiceEvents().kinesis("clicks", rec -> {
      if (rec.text().equals("fail")) {
        throw new IllegalStateException("no");
      }
    });

    assertThat(run(events, TestEvents.kinesis("clicks", "ok", "fail")).batchItemFailures())
        .containsExactly(TestEvents.kinesisSequenceNumber(2));
    assertThat(TestEvents.kinesis("clicks", "Hello World")).contains("\"data\":\"SGVsbG8gV29ybGQ=\"");
  }

  @Test
  void dynamodbImagesArePlainJavaValuesBothWays() {
    List<DynamoDbRecord> records = new ArrayList<>();
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("id", "o-1");
    image.put("total", new BigDecimal("12.50"));
    image.put("paid", true);
    image.put("note", null);
    image.put("tags", Set.of("a"));
    image.put("lines", List.of(Map.of("sku", "A1")));
    image.put("raw", new byte[] {1});

    run(new ServiceEvents().dynamodb("orders", records::add), TestEvents.dynamodb("orders", image));

    DynamoDbRecord record = records.get(0);
    assertThat(record.keys()).isEqualTo(Map.of("id", "o-1"));
    assertThat(record.sequenceNumber()).isEqualTo(TestEvents.dynamodbSequenceNumber(1));
    assertThat(record.newImage()).containsEntry("total", new BigDecimal("12.50")).containsEntry("paid", true)
        .containsEntry("note", null).containsEntry("tags", List.of("a"))
        .containsEntry("lines", List.of(Map.of("sku", "A1")));
    assertThat((byte[]) record.newImage().get("raw")).containsExactly(1);
    assertThatThrownBy(() -> TestEvents.dynamodb("t", Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No DynamoDB type");
  }

  @Test
  void cloudWatchLogsAreGzippedAndBase64Encoded() {
    ServiceEvents events = new ServiceEvents().logs("/aws/lambda/shop", d -> d.events().get(1).message());

    assertThat(run(events, TestEvents.cloudWatchLogs("/aws/lambda/shop", "one", "two")).json()).isEqualTo("\"two\"");
  }

  @Test
  void anUnmatchedEventThrowsWhatTheHandlerThrew() {
    assertThatThrownBy(() -> run(new ServiceEvents(), TestEvents.sqs("orders", "a")))
        .isInstanceOf(ServiceEventException.class).hasMessageContaining("SQS orders");
    assertThatThrownBy(() -> run(new ServiceEvents().schedule("n", "rate(1 day)", ev -> null),
        TestEvents.schedule("n")).batchItemFailures())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a batch response");
  }
}
