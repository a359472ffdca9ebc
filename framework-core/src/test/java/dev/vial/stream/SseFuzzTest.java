package dev.vial.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

class SseFuzzTest {

  /**
   * Any data, id and type: the event is refused with an {@link IllegalArgumentException}, or a WHATWG parser
   * reads back exactly one event with that type, id and data (line breaks normalised to LF).
   */
  @FuzzTest
  void anyEventIsRefusedOrReadBackExactly(FuzzedDataProvider input) {
    String id = input.consumeBoolean() ? input.consumeString(40) : null;
    String type = input.consumeBoolean() ? input.consumeString(40) : null;
    long retry = input.consumeLong(-5, 100_000);
    String data = input.consumeRemainingAsString();
    SseEvent event;
    try {
      event = new SseEvent(data, id, type, retry < 0 ? null : Duration.ofMillis(retry));
    } catch (IllegalArgumentException refused) {
      return;
    }
    EventStreamParser parsed = EventStreamParser.parse(new String(SseEncoder.event(event), StandardCharsets.UTF_8));

    String expectedType = type == null || type.isEmpty() ? "message" : utf8(type);
    String expectedData = utf8(data).replace("\r\n", "\n").replace('\r', '\n');
    assertThat(parsed.events).containsExactly(
        new EventStreamParser.Dispatched(expectedType, expectedData, id == null ? "" : utf8(id)));
    if (retry >= 0) {
      assertThat(parsed.retry).isEqualTo(retry);
    }
  }

  /** What the text is after the UTF-8 round trip (a lone surrogate becomes '?'). */
  private static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
