package dev.vial.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventReaderTest {

  private final EventReader reader = new EventReader(new JsonFactory());

  private EventFields read(String json) {
    return reader.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsMultiValueHeadersAndLeavesTheRedundantSingleValueOnesUnread() {
    EventFields event = read("{'headers': {'Accept': 'a'}, 'multiValueHeaders': {'Accept': ['a', 'b'], 'X-N': 7}}");

    assertThat(event.hasMultiValueHeaders()).isTrue();
    assertThat(event.requestHeaders().all("accept")).containsExactly("a", "b");
    assertThat(event.requestHeaders().first("x-n")).isEqualTo("7");
    assertThat(event.singleHeaderFields).isNull();
  }

  @Test
  void readsSingleValueHeadersWhenTheMultiValueKeyOnlyAppearsDeeperOrInText() {
    EventFields event = read("{'headers': {'Accept': 'a'}, 'requestContext': {'multiValueHeaders': {'B': ['b']}}, "
        + "'body': 'x \\'multiValueHeaders'}");

    assertThat(event.hasMultiValueHeaders()).isFalse();
    assertThat(event.requestHeaders().first("Accept")).isEqualTo("a");
  }

  @Test
  void readsSingleValueHeadersOfAPayload2EventThatAlsoCarriesMultiValueHeaders() {
    EventFields event = read("{'version': '2.0', 'headers': {'accept': 'a,b'}, 'multiValueHeaders': {'accept': ['x']}}");

    assertThat(event.singleHeaders().first("accept")).isEqualTo("a,b");
  }

  @Test
  void readsSingleValueHeadersThatFollowMultiValueHeaders() {
    EventFields event = read("{'multiValueHeaders': {'A': ['1']}, 'headers': {'B': '2'}}");

    assertThat(event.requestHeaders().first("A")).isEqualTo("1");
    assertThat(event.singleHeaders().first("B")).isEqualTo("2");
  }

  @Test
  void letsTheLastOfARepeatedHeaderNameWinInItsFirstPlace() {
    EventFields event = read("{'multiValueHeaders': {'A': ['1'], 'B': ['2'], 'A': ['3', '4']}, 'headers': {'C': '1', 'C': '2'}}");

    assertThat(event.requestHeaders().toString()).isEqualTo("{A: 3, A: 4, B: 2}");
    assertThat(event.singleHeaders().toString()).isEqualTo("{C: 2}");
  }

  @Test
  void skipsNullHeaderValuesAndNonObjectHeaderFields() {
    EventFields event = read("{'headers': {'A': null, 'B': 'b'}, 'multiValueHeaders': 'nope'}");

    assertThat(event.hasMultiValueHeaders()).isFalse();
    assertThat(event.requestHeaders().toString()).isEqualTo("{B: b}");
  }

  @Test
  void readsSkippedHeadersAgainAtTheirPlaceBehindAByteOrderMarkWithRepeatedNames() {
    byte[] json = "{\"headers\": {\"C\": \"1\", \"D\": \"x\", \"C\": \"2\"}, \"requestContext\": {\"multiValueHeaders\": 1}}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);

    assertThat(reader.read(json).requestHeaders().toString()).isEqualTo("{C: 2, D: x}");
    assertThat(reader.read(withBom).requestHeaders().toString()).isEqualTo("{C: 2, D: x}");
  }
}
