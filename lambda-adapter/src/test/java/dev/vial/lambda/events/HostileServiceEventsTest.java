package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Untrusted bytes that try to make the readers slow, deep or big: each stays linear or is refused clearly. */
class HostileServiceEventsTest {

  @Test
  void aHugeBatchIsReadOnceAndHandledRecordByRecord() {
    String[] bodies = new String[20_000];
    java.util.Arrays.fill(bodies, "x");
    ObjectNode event = Events.sqs("orders", bodies);
    AtomicInteger handled = new AtomicInteger();

    long start = System.nanoTime();
    String answer = Events.invoke(new ServiceEvents().sqs("orders", m -> handled.incrementAndGet()), event);

    assertThat(handled).hasValue(20_000);
    assertThat(answer).isEqualTo("{\"batchItemFailures\":[]}");
    // about 0.3 s warm on a laptop, 3 s cold at load 20 on 2 cores; a quadratic reader would take minutes
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void aBatchWhereEveryRecordFailsReportsEachOnce() {
    String[] bodies = new String[2_000];
    java.util.Arrays.fill(bodies, "x");

    String answer = Events.invoke(new ServiceEvents().sqs("orders", m -> {
      throw new IllegalStateException("no");
    }), Events.fifo("orders", bodies));

    assertThat(answer.split("itemIdentifier", -1)).hasSize(2_001);
  }

  @Test
  void deeplyNestedDynamoDbMapsAndListsAreReadUpToTheParsersDepthLimit() {
    int depth = 150; // M and L alternate: 300 JSON levels inside the event's 5
    List<DynamoDbRecord> records = new ArrayList<>();
    ObjectNode event = Events.dynamodb("t", image -> {
      ObjectNode attribute = image.putObject("deep");
      for (int i = 0; i < depth; i++) {
        attribute = attribute.putArray("L").addObject().putObject("M").putObject("x");
      }
      attribute.put("S", "bottom");
    });

    Events.invoke(new ServiceEvents().dynamodb("t", records::add), event);

    Object value = records.get(0).newImage().get("deep");
    for (int i = 0; i < depth; i++) {
      value = ((java.util.Map<?, ?>) ((List<?>) value).get(0)).get("x");
    }
    assertThat(value).isEqualTo("bottom");
  }

  @Test
  void nestingBeyondTheParsersLimitIsRefusedNotAStackOverflow() {
    String deep = "{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}]}";

    assertThatThrownBy(() -> Events.invoke(new ServiceEvents().dynamodb("t", r -> {}),
        deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void anOverlongDynamoDbNumberFailsItsRecordWithoutBeingParsed() {
    ObjectNode event = Events.dynamodb("t", image -> image.putObject("n").put("N", "9".repeat(1_000_000)));

    String answer = Events.invoke(new ServiceEvents().dynamodb("t", r -> {}), event);

    assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"10000000000000000001\"}]}");
  }
}
