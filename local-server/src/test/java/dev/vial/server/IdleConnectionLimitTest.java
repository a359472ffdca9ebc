package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ServerOptions#maxIdleConnections()} holds: with 0, no connection is kept after its response. */
@Timeout(10)
class IdleConnectionLimitTest {

  @Test
  void closesEveryConnectionAfterItsResponseWhenNoIdleConnectionsAreAllowed() throws Exception {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    try (RunningServer server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withMaxIdleConnections(0));
        RawConnection connection = new RawConnection(server.port(), 3000)) {
      assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");

      assertThat(connection.closedByServer()).isTrue();
    }
  }
}
