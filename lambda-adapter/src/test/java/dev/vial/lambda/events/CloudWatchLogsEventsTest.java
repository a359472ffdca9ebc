package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CloudWatchLogsEventsTest {

  static ObjectNode logsEvent(byte[] inflated) throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(inflated);
    }
    ObjectNode event = Events.JSON.createObjectNode();
    event.putObject("awslogs").put("data", Base64.getEncoder().encodeToString(gzip.toByteArray()));
    return event;
  }

  static ObjectNode delivery(String type, String group, String... messages) throws IOException {
    ObjectNode data = Events.JSON.createObjectNode();
    data.put("messageType", type).put("owner", "123456789012").put("logGroup", group).put("logStream", "s1");
    data.putArray("subscriptionFilters").add("errors");
    for (int i = 0; i < messages.length; i++) {
      data.withArray("logEvents").addObject().put("id", "e" + i).put("timestamp", 1700000000000L + i)
          .put("message", messages[i]);
    }
    return logsEvent(Events.JSON.writeValueAsBytes(data));
  }

  @Test
  void gunzipsTheDeliveryIntoLogEvents() throws IOException {
    List<LogEvents> deliveries = new ArrayList<>();
    ServiceEvents events = new ServiceEvents().logs("/aws/lambda/shop", d -> {
      deliveries.add(d);
      return d.events().size();
    });

    assertThat(Events.invoke(events, delivery("DATA_MESSAGE", "/aws/lambda/shop", "ERROR one", "ERROR two")))
        .isEqualTo("2");
    LogEvents delivery = deliveries.get(0);
    assertThat(delivery.logStream()).isEqualTo("s1");
    assertThat(delivery.subscriptionFilters()).containsExactly("errors");
    assertThat(delivery.events()).extracting(LogEvents.LogEvent::message).containsExactly("ERROR one", "ERROR two");
    assertThat(delivery.events().get(1).timestamp()).isEqualTo(1700000000001L);
  }

  @Test
  void acknowledgesAControlMessageWithoutCallingAHandler() throws IOException {
    assertThat(Events.invoke(new ServiceEvents(), delivery("CONTROL_MESSAGE", "", "CWL CONTROL MESSAGE"))).isEqualTo("null");
  }

  @Test
  void refusesAGzipBombWithoutInflatingIt() throws IOException {
    byte[] zeros = new byte[64 * 1024 * 1024]; // 64 MiB of zeros gzip to about 64 KiB
    ObjectNode bomb = logsEvent(zeros);
    assertThat(bomb.get("awslogs").get("data").asText().length()).isLessThan(200_000);

    assertThatThrownBy(() -> Events.invoke(new ServiceEvents().logs("g", d -> null), bomb))
        .isInstanceOf(ServiceEventException.class)
        .hasMessage("CloudWatch Logs awslogs.data inflates to more than " + RecordReaders.MAX_LOGS_INFLATED
            + " bytes; refused");
  }

  @Test
  void refusesDataThatIsNotBase64OrNotGzipOrNotJson() throws IOException {
    ServiceEvents events = new ServiceEvents().logs("g", d -> null);
    ObjectNode notBase64 = Events.JSON.createObjectNode();
    notBase64.putObject("awslogs").put("data", "%%%");
    ObjectNode notGzip = Events.JSON.createObjectNode();
    notGzip.putObject("awslogs").put("data", Base64.getEncoder().encodeToString("plain".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> Events.invoke(events, notBase64)).hasMessageContaining("is not base64");
    assertThatThrownBy(() -> Events.invoke(events, notGzip)).hasMessageContaining("is not valid gzip");
    assertThatThrownBy(() -> Events.invoke(events, logsEvent("{".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void anUnregisteredLogGroupIsNamed() throws IOException {
    assertThatThrownBy(() -> Events.invoke(new ServiceEvents().logs("a", d -> null), delivery("DATA_MESSAGE", "b", "x")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessage("No registration matches CLOUDWATCH_LOGS b, 1 log events; registered: CloudWatch Logs group a");
  }
}
