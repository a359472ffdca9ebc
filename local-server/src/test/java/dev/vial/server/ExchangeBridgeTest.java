package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ExchangeBridgeTest {

  @Test
  void keepsTheRawPathWithItsEscapes() {
    assertThat(ExchangeBridge.rawPath(URI.create("/a%2Fb/c%20d?x=1"))).isEqualTo("/a%2Fb/c%20d");
  }

  @Test
  void keepsALeadingDoubleSlashAsPathNotAuthority() {
    assertThat(ExchangeBridge.rawPath(URI.create("//evil.example/x?y=1"))).isEqualTo("//evil.example/x");
  }

  @Test
  void takesThePathOfAnAbsoluteFormTarget() {
    assertThat(ExchangeBridge.rawPath(URI.create("http://localhost:8080/a/b?c"))).isEqualTo("/a/b");
    assertThat(ExchangeBridge.rawPath(URI.create("http://localhost:8080"))).isEqualTo("/");
  }
}
