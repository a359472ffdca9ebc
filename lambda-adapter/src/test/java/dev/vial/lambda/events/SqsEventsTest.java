package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.HttpException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsEventsTest {

  record Order(String sku, int quantity) {}

  private final List<String> seen = new ArrayList<>();

  private ServiceEvents failOn(String failing) {
    return new ServiceEvents().sqs("orders", msg -> {
      seen.add(msg.body());
      if (msg.body().equals(failing)) {
        throw new IllegalStateException("cannot place " + msg.body());
      }
    });
  }

  @Test
  void answersAnEmptyFailureListWhenEveryMessageIsDone() {
    assertThat(Events.invoke(failOn("never"), Events.sqs("orders", "a", "b")))
        .isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void reportsOnlyTheMessagesWhoseHandlerThrew() {
    assertThat(Events.invoke(failOn("b"), Events.sqs("orders", "a", "b", "c")))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}");
    assertThat(seen).containsExactly("a", "b", "c");
  }

  @Test
  void aFifoBatchStopsAtTheFirstFailureAndReportsEveryLaterMessage() {
    assertThat(Events.invoke(failOn("b"), Events.fifo("orders", "a", "b", "c", "d")))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"},{\"itemIdentifier\":\"m3\"},"
            + "{\"itemIdentifier\":\"m4\"}]}");
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void bindsTheBodyWithTheAppsMapperAndReportsAMismatchAsAFailedMessage() {
    List<Order> orders = new ArrayList<>();
    ServiceEvents events = new ServiceEvents().sqs("orders", msg -> orders.add(msg.json(Order.class)));

    String answer = Events.invoke(events, Events.sqs("orders", "{\"sku\":\"A1\",\"quantity\":2}", "{\"sku\":"));

    assertThat(orders).containsExactly(new Order("A1", 2));
    assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}");
  }

  @Test
  void exposesAttributesAndMessageAttributesAsMaps() {
    ObjectNode event = Events.sqs("orders", "x");
    ObjectNode attributes = (ObjectNode) event.get("Records").get(0).get("messageAttributes");
    attributes.putObject("tenant").put("dataType", "String").put("stringValue", "acme");
    attributes.putObject("blob").put("dataType", "Binary").put("binaryValue", "AQI=");
    List<SqsMessage> messages = new ArrayList<>();

    Events.invoke(new ServiceEvents().sqs("orders", messages::add), event);

    SqsMessage message = messages.get(0);
    assertThat(message.queueName()).isEqualTo("orders");
    assertThat(message.attributes()).containsEntry("ApproximateReceiveCount", "1");
    assertThat(message.messageAttributes().get("tenant")).isEqualTo(new SqsMessage.Attribute("String", "acme", null));
    assertThat(message.messageAttributes().get("blob").binaryBytes()).containsExactly(1, 2);
    assertThat(message.isFifo()).isFalse();
    assertThat(message.bodyBytes()).containsExactly('x');
  }

  @Test
  void aBatchHandlerGetsTheWholeListAndChoosesTheAnswer() {
    ServiceEvents events = new ServiceEvents().sqsBatch("orders",
        messages -> new BatchResponse(List.of(messages.get(messages.size() - 1).messageId())));

    assertThat(Events.invoke(events, Events.sqs("orders", "a", "b")))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}");
  }

  @Test
  void anEmptyBatchIsDone() {
    assertThat(Events.invoke(failOn("x"), Events.sqs("orders"))).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void aMessageWithoutIdFailsTheWholeBatchBeforeAnyRuns() {
    ObjectNode event = Events.sqs("orders", "a", "b");
    ((ObjectNode) event.get("Records").get(1)).remove("messageId");

    assertThatThrownBy(() -> Events.invoke(failOn("x"), event))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("SQS record 1 has no messageId");
    assertThat(seen).isEmpty();
  }

  @Test
  void anUnregisteredQueueFailsTheInvocationNamingWhatArrivedAndWhatIsRegistered() {
    assertThatThrownBy(() -> Events.invoke(failOn("x"), Events.sqs("payments", "a")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessage("No registration matches SQS payments, 1 record; registered: SQS queue orders");
  }

  @Test
  void readsAnSnsNotificationInsideTheBodyOnlyWhenAsked() {
    String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"n1\",\"TopicArn\":\"arn:aws:sns:eu-west-1:1:alerts\","
        + "\"Subject\":\"hi\",\"Message\":\"{\\\"level\\\":3}\",\"Timestamp\":\"t\"}";
    List<SqsMessage> messages = new ArrayList<>();
    Events.invoke(new ServiceEvents().sqs("orders", messages::add), Events.sqs("orders", envelope, "plain"));

    assertThat(messages.get(0).body()).isEqualTo(envelope);
    SnsMessage inner = messages.get(0).snsNotification();
    assertThat(inner.topic()).isEqualTo("alerts");
    assertThat(inner.subject()).isEqualTo("hi");
    assertThat(inner.message()).isEqualTo("{\"level\":3}");
    assertThatThrownBy(() -> messages.get(1).snsNotification())
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void readsAnS3NotificationInsideTheBodyOnlyWhenAsked() throws Exception {
    String body = Events.JSON.writeValueAsString(Events.s3("uploads", "a+b%2Bc.txt"));
    String testEvent = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"uploads\"}";
    List<SqsMessage> messages = new ArrayList<>();
    Events.invoke(new ServiceEvents().sqs("orders", messages::add), Events.sqs("orders", body, testEvent));

    assertThat(messages.get(0).s3Notification()).singleElement()
        .satisfies(record -> assertThat(record.key()).isEqualTo("a b+c.txt"));
    assertThatThrownBy(() -> messages.get(1).s3Notification())
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("s3:TestEvent");
  }

  @Test
  void aBodyThatDoesNotBindIsAFourHundredLikeRequestJson() {
    List<Throwable> errors = new ArrayList<>();
    Events.invoke(new ServiceEvents().sqs("orders", msg -> {
      try {
        msg.json(Order.class);
      } catch (HttpException e) {
        errors.add(e);
        throw e;
      }
    }), Events.sqs("orders", "[1]"));

    assertThat(errors).singleElement().satisfies(e -> assertThat(((HttpException) e).status()).isEqualTo(400));
  }
}
