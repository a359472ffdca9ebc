package dev.vial.lambda.events;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.UnsupportedEventException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table itself: registration, its description, and how it sits beside the HTTP routes. */
class ServiceEventsTest {

  private final ServiceEvents events = new ServiceEvents()
      .sqs("orders", msg -> {})
      .sqsBatch("audit", list -> null)
      .s3("uploads", "images/", ".jpg", rec -> {})
      .schedule("nightly", "rate(1 day)", ev -> null)
      .scheduler("hourly", "cron(0 * * * ? *)", ev -> null)
      .eventBridge("shop.payments", "PaymentCreated", ev -> null)
      .sns("alerts", msg -> {})
      .dynamodb("orders-table", rec -> {})
      .kinesis("clicks", rec -> {})
      .logs("/aws/lambda/shop", d -> null);

  @Test
  void describesWhatIsRegisteredForTemplateGenerators() {
    assertThat(events.triggers()).containsExactly(
        new Trigger(EventKind.SQS, "orders", null, null, null, null, null, true),
        new Trigger(EventKind.SQS, "audit", null, null, null, null, null, true),
        new Trigger(EventKind.S3, "uploads", "images/", ".jpg", null, null, null, false),
        new Trigger(EventKind.SCHEDULE, "nightly", null, null, "rate(1 day)", null, null, false),
        new Trigger(EventKind.SCHEDULER, "hourly", null, null, "cron(0 * * * ? *)", null, null, false),
        new Trigger(EventKind.EVENTBRIDGE, null, null, null, null, "shop.payments", "PaymentCreated", false),
        new Trigger(EventKind.SNS, "alerts", null, null, null, null, null, false),
        new Trigger(EventKind.DYNAMODB, "orders-table", null, null, null, null, null, true),
        new Trigger(EventKind.KINESIS, "clicks", null, null, null, null, null, true),
        new Trigger(EventKind.CLOUDWATCH_LOGS, "/aws/lambda/shop", null, null, null, null, null, false));
    assertThat(events.triggers()).extracting(Trigger::describe).startsWith("SQS queue orders", "SQS queue audit",
        "S3 bucket uploads prefix images/ suffix .jpg", "schedule rule nightly", "Scheduler schedule hourly",
        "EventBridge shop.payments / PaymentCreated");
  }

  @Test
  void registrationReturnsANewTableAndLeavesTheOldOneAsItWas() {
    ServiceEvents empty = new ServiceEvents();
    ServiceEvents one = empty.sqs("q", m -> {});

    assertThat(empty.triggers()).isEmpty();
    assertThat(one.triggers()).hasSize(1);
    assertThatThrownBy(() -> one.triggers().add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesDuplicatesBlankNamesNullHandlersAndBadScheduleExpressions() {
    assertThatThrownBy(() -> events.sqs("orders", m -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("SQS queue orders is already registered");
    assertThatThrownBy(() -> events.sqsBatch("orders", l -> null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServiceEvents().sqs(" ", m -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServiceEvents().kinesis("s", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ServiceEvents().schedule("n", "every day", e -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate(...), cron(...) or at(...)");
    assertThatThrownBy(() -> new ServiceEvents().fallback(j -> j).fallback(j -> j))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LambdaHandler(new App(), (ServiceEvents) null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameHandlerStillAnswersHttpEventsOfEveryShape() throws IOException {
    App app = new App().get("/", req -> ok("home"));
    LambdaHandler handler = new LambdaHandler(app, events);

    for (String name : List.of("rest-v1-get.json", "http-api-v2-get.json", "alb-single.json", "function-url-post.json")) {
      JsonNode envelope = Events.JSON.readTree(invoke(handler, resource(name)));
      assertThat(envelope.has("statusCode")).as(name).isTrue();
    }
    assertThat(Events.JSON.readTree(invoke(handler, Events.JSON.writeValueAsBytes(Events.sqs("orders", "a")))))
        .isEqualTo(Events.JSON.readTree("{\"batchItemFailures\":[]}"));
  }

  @Test
  void webSocketEventsStayRefusedEvenWithAFallback() throws IOException {
    LambdaHandler handler = new LambdaHandler(new App(), new ServiceEvents().fallback(json -> json));

    assertThatThrownBy(() -> invoke(handler, resource("websocket-connect.json")))
        .isInstanceOf(UnsupportedEventException.class).hasMessageContaining("WebSocket");
  }

  @Test
  void withoutATableAServiceEventIsRefusedWithAHint() throws IOException {
    LambdaHandler handler = new LambdaHandler(new App());

    assertThatThrownBy(() -> invoke(handler, Events.JSON.writeValueAsBytes(Events.sqs("orders", "a"))))
        .isInstanceOf(UnsupportedEventException.class).hasMessageContaining("ServiceEvents table");
  }

  @Test
  void anEventOfNoKnownShapeNamesItsFields() {
    ObjectNode odd = Events.JSON.createObjectNode().put("hello", "world");

    assertThatThrownBy(() -> Events.invoke(events, odd))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageStartingWith("No registration matches an event Vial does not know (top-level fields [hello])");
  }

  @Test
  void aFallbackTakesUnmatchedEventsRawJsonInAndOut() {
    ServiceEvents withFallback = events.fallback(json -> json.replace("world", "there"));
    ObjectNode cognito = Events.JSON.createObjectNode().put("hello", "world");

    assertThat(Events.invoke(withFallback, cognito)).isEqualTo("{\"hello\":\"there\"}");
    assertThat(Events.invoke(events.fallback(json -> null), cognito)).isEqualTo("null");
    assertThatThrownBy(() -> Events.invoke(events.fallback(json -> "{oops"), cognito))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("The fallback handler's answer is not valid JSON");
  }

  @Test
  void aMixedBatchIsRefused() {
    ObjectNode event = Events.sqs("orders", "a");
    event.withArray("Records").add(Events.kinesis("clicks", "b").get("Records").get(0));

    assertThatThrownBy(() -> Events.invoke(events, event))
        .isInstanceOf(ServiceEventException.class).hasMessageContaining("mixes event sources");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ServiceEventsTest.class.getResourceAsStream("/events/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] invoke(LambdaHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, Events.context());
    return out.toByteArray();
  }
}
