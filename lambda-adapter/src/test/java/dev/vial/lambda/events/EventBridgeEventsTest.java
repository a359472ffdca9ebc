package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBridgeEventsTest {

  record Payment(BigDecimal amount, String currency) {}

  private final ServiceEvents events = new ServiceEvents()
      .schedule("nightly", "rate(1 day)", ev -> Map.of("rule", ev.name(), "time", ev.time(), "scheduler", ev.scheduler()))
      .scheduler("hourly", "rate(1 hour)", ev -> Map.of("schedule", ev.name(), "scheduler", ev.scheduler()))
      .eventBridge("shop.payments", "PaymentCreated", ev -> ev.detail(Payment.class).currency())
      .eventBridge("shop.payments", ev -> "any " + ev.detailType() + " " + ev.detailJson());

  @Test
  void matchesAScheduledRuleByTheRuleNameInItsArn() {
    assertThat(Events.answer(events, Events.rule("nightly")))
        .isEqualTo(Events.JSON.createObjectNode().put("rule", "nightly").put("time", "2026-11-30T03:00:00Z")
            .put("scheduler", false));
  }

  @Test
  void matchesARuleOnACustomBusByTheLastSegment() {
    ObjectNode event = Events.rule("x");
    event.putArray("resources").add("arn:aws:events:eu-west-1:123456789012:rule/my-bus/nightly");

    assertThat(Events.answer(events, event).get("rule").asText()).isEqualTo("nightly");
  }

  @Test
  void matchesASchedulerEventWhoseDetailIsTheStringOfAnEmptyObject() {
    assertThat(Events.answer(events, Events.scheduler("hourly")))
        .isEqualTo(Events.JSON.createObjectNode().put("schedule", "hourly").put("scheduler", true));
  }

  @Test
  void aRuleIsNotTakenForASchedulerScheduleOfTheSameName() {
    assertThatThrownBy(() -> Events.invoke(events, Events.scheduler("nightly")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageStartingWith("No registration matches Scheduler schedule nightly (EventBridge aws.scheduler / "
            + "Scheduled Event); registered: schedule rule nightly, Scheduler schedule hourly, "
            + "EventBridge shop.payments / PaymentCreated, EventBridge shop.payments / *");
  }

  @Test
  void matchesSourceAndDetailTypeBeforeAWildcardDetailType() {
    assertThat(Events.invoke(events, Events.eventBridge("shop.payments", "PaymentCreated", null))).isEqualTo("\"EUR\"");
    assertThat(Events.invoke(events, Events.eventBridge("shop.payments", "PaymentRefunded", null)))
        .isEqualTo("\"any PaymentRefunded {\\\"amount\\\":12.5,\\\"currency\\\":\\\"EUR\\\"}\"");
  }

  @Test
  void anUnknownSourceFailsNamingIt() {
    assertThatThrownBy(() -> Events.invoke(events, Events.eventBridge("shop.other", "X", null)))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageStartingWith("No registration matches EventBridge shop.other / X;");
  }

  @Test
  void aHandlerThatThrowsFailsTheInvocation() {
    ServiceEvents failing = new ServiceEvents().schedule("nightly", "rate(1 day)", ev -> {
      throw new IllegalStateException("report server down");
    });

    assertThatThrownBy(() -> Events.invoke(failing, Events.rule("nightly")))
        .isInstanceOf(IllegalStateException.class).hasMessage("report server down");
  }

  @Test
  void aNullAnswerIsJsonNull() {
    ServiceEvents quiet = new ServiceEvents().schedule("nightly", "rate(1 day)", ev -> null);

    assertThat(Events.invoke(quiet, Events.rule("nightly"))).isEqualTo("null");
  }
}
