package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void decodesAsciiAndMultiByteText() {
    assertThat(Utf8.decodeOrNull("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo("hello");
    assertThat(Utf8.decodeOrNull("héllo ✓ 你好 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("héllo ✓ 你好 😀");
    assertThat(Utf8.decodeOrNull(new byte[0])).isEmpty();
  }

  @Test
  void answersNullForBytesThatAreNotUtf8() {
    assertThat(Utf8.decodeOrNull(new byte[] {'a', (byte) 0xff})).isNull();
    assertThat(Utf8.decodeOrNull(new byte[] {(byte) 0xc3})).isNull();                    // truncated sequence
    assertThat(Utf8.decodeOrNull(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isNull(); // lone surrogate
    assertThat(Utf8.decodeOrNull(new byte[] {(byte) 0xc0, (byte) 0xaf})).isNull();       // overlong '/'
  }

  @Test
  void decodesOnlyTheGivenLength() {
    byte[] bytes = {'o', 'k', (byte) 0xff};

    assertThat(Utf8.decodeOrNull(bytes, 2)).isEqualTo("ok");
    assertThat(Utf8.decodeOrNull(bytes, 3)).isNull();
  }
}
