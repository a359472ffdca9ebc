package dev.vial.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseEncoderTest {

  private static String encode(SseEvent event) {
    return new String(SseEncoder.event(event), StandardCharsets.UTF_8);
  }

  @Test
  void writesIdEventRetryAndDataThenABlankLine() {
    String text = encode(SseEvent.data("{\"i\":1}").withId("1").withEvent("tick").withRetry(Duration.ofSeconds(3)));

    assertThat(text).isEqualTo("id: 1\nevent: tick\nretry: 3000\ndata: {\"i\":1}\n\n");
  }

  @Test
  void splitsDataOnLfCrLfAndCrIntoOneDataLineEach() {
    String text = encode(SseEvent.data("a\nb\r\nc\rd"));

    assertThat(text).isEqualTo("data: a\ndata: b\ndata: c\ndata: d\n\n");
    assertThat(EventStreamParser.parse(text).events)
        .containsExactly(new EventStreamParser.Dispatched("message", "a\nb\nc\nd", ""));
  }

  @Test
  void keepsALeadingSpaceOfTheData() {
    String text = encode(SseEvent.data(" indented\n  twice"));

    assertThat(EventStreamParser.parse(text).events.get(0).data()).isEqualTo(" indented\n  twice");
  }

  @Test
  void emptyDataStillDispatchesAnEvent() {
    String text = encode(SseEvent.data(""));

    assertThat(text).isEqualTo("data: \n\n");
    assertThat(EventStreamParser.parse(text).events).containsExactly(new EventStreamParser.Dispatched("message", "", ""));
  }

  @Test
  void trailingLineBreakInDataIsAnEmptyLastLine() {
    assertThat(EventStreamParser.parse(encode(SseEvent.data("a\n"))).events.get(0).data()).isEqualTo("a\n");
  }

  @Test
  void theClientSeesTypeIdAndRetry() {
    EventStreamParser parsed = EventStreamParser.parse(
        encode(SseEvent.data("x").withId("7").withEvent("tick").withRetry(Duration.ofMillis(1500))));

    assertThat(parsed.events).containsExactly(new EventStreamParser.Dispatched("tick", "x", "7"));
    assertThat(parsed.retry).isEqualTo(1500L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nid: 9", "a\rb", "a\r\nb", "a\u0000b"})
  void refusesAnIdThatCouldInjectAFieldOrContainsNul(String id) {
    assertThatThrownBy(() -> SseEvent.data("x").withId(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SSE id must not contain CR, LF or NUL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tick\ndata: evil", "a\rb"})
  void refusesAnEventTypeThatCouldInjectAField(String type) {
    assertThatThrownBy(() -> SseEvent.data("x").withEvent(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SSE event type must not contain CR or LF");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nevent: x", "a\rb"})
  void refusesACommentThatCouldInjectAField(String text) {
    assertThatThrownBy(() -> SseEncoder.comment(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SSE comment must not contain CR or LF");
  }

  @Test
  void refusesNullDataAndANegativeRetry() {
    assertThatThrownBy(() -> SseEvent.data(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SseEvent.data("x").withRetry(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesCommentsClientsIgnore() {
    String text = new String(SseEncoder.comment("keep-alive"), StandardCharsets.UTF_8)
        + new String(SseEncoder.comment(""), StandardCharsets.UTF_8);

    assertThat(text).isEqualTo(": keep-alive\n:\n");
    EventStreamParser parsed = EventStreamParser.parse(text);
    assertThat(parsed.events).isEmpty();
    assertThat(parsed.comments).containsExactly(" keep-alive", "");
  }

  @Test
  void staysLinearOnHugeDataWithManyLineBreaks() {
    String data = "ab\r\n".repeat(500_000) + "c\r".repeat(500_000);

    long start = System.nanoTime();
    String text = encode(SseEvent.data(data));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(text).startsWith("data: ab\ndata: ab\n").endsWith("data: c\ndata: \n\n");
    assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1_000_000 + 2);
    // quadratic work on 3 MB would take minutes; linear takes milliseconds even on a loaded machine
    assertThat(millis).isLessThan(10_000);
  }
}
