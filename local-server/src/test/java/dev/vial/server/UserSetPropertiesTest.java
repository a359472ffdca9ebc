package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@code sun.net.httpserver.*} property the user set wins over the options; the others are still set. */
@Timeout(10)
class UserSetPropertiesTest {

  @BeforeAll
  static void userSetsTheHeaderLimit() {
    // As -Dsun.net.httpserver.maxReqHeaderSize=4000 would, before any server exists in this JVM.
    System.setProperty("sun.net.httpserver.maxReqHeaderSize", "4000");
  }

  @Test
  void keepsTheUsersHeaderLimitAndSetsTheRest() throws Exception {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    // The options alone would accept heads up to 64 KiB.
    try (RunningServer server = LocalServer.start(app, ServerOptions.defaults().withPort(0));
        RawConnection small = new RawConnection(server.port(), 3000);
        RawConnection large = new RawConnection(server.port(), 3000)) {
      assertThat(small.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-A: " + "a".repeat(1000) + "\r\n\r\n").read().status())
          .isEqualTo(200);
      large.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-A: " + "a".repeat(6000) + "\r\n\r\n");

      assertThat(large.closedByServer()).isTrue();
      assertThat(System.getProperty("sun.net.httpserver.maxReqHeaderSize")).isEqualTo("4000");
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
  }
}
