package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Vial turns on TCP_NODELAY for accepted connections: a response whose body is written after its head
 * must not wait for the client's delayed ACK. Checked on the server's own accepted socket.
 */
@Timeout(10)
class TcpNoDelayTest {

  @Test
  void acceptedConnectionsHaveTcpNoDelay() throws Exception {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    try (RunningServer server = LocalServer.start(app, ServerOptions.defaults().withPort(0));
        RawConnection connection = new RawConnection(server.port(), 3000)) {
      assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);

      assertThat(server.connections().open()).isNotEmpty().allSatisfy(open -> assertThat(((Connection) open).tcpNoDelay()).isTrue());
    }
  }
}
