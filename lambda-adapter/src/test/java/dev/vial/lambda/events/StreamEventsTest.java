package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kinesis and DynamoDB Streams: per record, partial failures by sequence number. */
class StreamEventsTest {

  @Test
  void decodesKinesisDataAndReportsFailedRecordsBySequenceNumber() {
    List<String> seen = new ArrayList<>();
    ServiceEvents events = new ServiceEvents().kinesis("clicks", rec -> {
      seen.add(rec.text());
      if (rec.text().equals("fail")) {
        throw new IllegalStateException("bad click");
      }
    });

    String answer = Events.invoke(events, Events.kinesis("clicks", "a", "fail", "c"));

    assertThat(seen).containsExactly("a", "fail", "c");
    assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"49545115243490985018280067714973144582180062593244200002\"}]}");
  }

  @Test
  void aKinesisRecordWhoseDataIsNotBase64FailsAloneWithoutReachingTheHandler() {
    ObjectNode event = Events.kinesis("clicks", "a", "b");
    ((ObjectNode) event.get("Records").get(0).get("kinesis")).put("data", "not base64!");
    List<String> seen = new ArrayList<>();

    String answer = Events.invoke(new ServiceEvents().kinesis("clicks", rec -> seen.add(rec.text())), event);

    assertThat(seen).containsExactly("b");
    assertThat(answer).contains("200001").doesNotContain("200002");
  }

  @Test
  void exposesKinesisFields() {
    List<KinesisRecord> records = new ArrayList<>();
    Events.invoke(new ServiceEvents().kinesis("clicks", records::add), Events.kinesis("clicks", "{\"n\":1}"));

    KinesisRecord record = records.get(0);
    assertThat(record.streamName()).isEqualTo("clicks");
    assertThat(record.partitionKey()).isEqualTo("p");
    assertThat(record.json(Map.class)).containsEntry("n", 1);
    assertThat(record.approximateArrivalTimestamp()).isEqualByComparingTo("1700000000.123");
  }

  @Test
  void readsEveryDynamoDbAttributeTypeAsAPlainJavaValue() {
    List<DynamoDbRecord> records = new ArrayList<>();
    ObjectNode event = Events.dynamodb("orders-table", image -> {
      image.putObject("s").put("S", "text");
      image.putObject("n").put("N", "12.50");
      image.putObject("b").put("B", "AQI=");
      image.putObject("bool").put("BOOL", true);
      image.putObject("nul").put("NULL", true);
      image.putObject("l").putArray("L").addObject().put("S", "x");
      image.putObject("m").putObject("M").putObject("inner").put("N", "1");
      image.putObject("ss").putArray("SS").add("a").add("b");
      image.putObject("ns").putArray("NS").add("1").add("2.5");
      image.putObject("bs").putArray("BS").add("AA==");
    });

    Events.invoke(new ServiceEvents().dynamodb("orders-table", records::add), event);

    DynamoDbRecord record = records.get(0);
    Map<String, Object> image = record.newImage();
    assertThat(record.tableName()).isEqualTo("orders-table");
    assertThat(record.keys()).containsEntry("id", "k1");
    assertThat(record.oldImage()).isEmpty();
    assertThat(image.get("s")).isEqualTo("text");
    assertThat(image.get("n")).isEqualTo(new BigDecimal("12.50"));
    assertThat((byte[]) image.get("b")).containsExactly(1, 2);
    assertThat(image.get("bool")).isEqualTo(true);
    assertThat(image).containsKey("nul");
    assertThat(image.get("nul")).isNull();
    assertThat(image.get("l")).isEqualTo(List.of("x"));
    assertThat(image.get("m")).isEqualTo(Map.of("inner", BigDecimal.ONE));
    assertThat(image.get("ss")).isEqualTo(List.of("a", "b"));
    assertThat(image.get("ns")).isEqualTo(List.of(BigDecimal.ONE, new BigDecimal("2.5")));
    assertThat(((List<?>) image.get("bs")).stream().map(b -> Arrays.toString((byte[]) b)).toList())
        .containsExactly("[0]");
  }

  @Test
  void reportsFailedDynamoDbRecordsBySequenceNumberIncludingUnreadableOnes() {
    ServiceEvents events = new ServiceEvents().dynamodb("orders-table", rec -> {
      if (Boolean.TRUE.equals(rec.newImage().get("fail"))) {
        throw new IllegalStateException("refused");
      }
    });
    ObjectNode event = Events.dynamodb("orders-table",
        image -> image.putObject("fail").put("BOOL", true),
        image -> image.putObject("fail").put("BOOL", false),
        image -> image.putObject("n").put("N", "12abc"));

    assertThat(Events.invoke(events, event)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"10000000000000000001\"},{\"itemIdentifier\":\"10000000000000000003\"}]}");
  }

  @Test
  void anUnregisteredTableNamesTheTable() {
    assertThatThrownBy(() -> Events.invoke(new ServiceEvents().dynamodb("a", r -> {}),
        Events.dynamodb("b", image -> {})))
        .isInstanceOf(ServiceEventException.class)
        .hasMessage("No registration matches DYNAMODB b, 1 record; registered: DynamoDB table a");
  }
}
