package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Vial turns on TCP_NODELAY for accepted connections (the JDK leaves Nagle's algorithm on, and
 * keep-alive responses then wait for the client's delayed ACK). Checked on the JDK's own accepted
 * socket rather than trusting the property's name; needs {@code --add-opens} (see the pom).
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

      List<SocketChannel> accepted = acceptedChannels(server);

      assertThat(accepted).isNotEmpty();
      for (SocketChannel channel : accepted) {
        assertThat(channel.socket().getTcpNoDelay()).isTrue();
      }
    }
  }

  private static List<SocketChannel> acceptedChannels(RunningServer server) throws Exception {
    Object impl = field(server.httpServer(), "server");
    Set<?> connections = (Set<?>) field(impl, "allConnections");
    List<SocketChannel> channels = new ArrayList<>();
    synchronized (connections) {
      for (Object connection : connections) {
        Method getChannel = connection.getClass().getDeclaredMethod("getChannel");
        getChannel.setAccessible(true);
        channels.add((SocketChannel) getChannel.invoke(connection));
      }
    }
    return channels;
  }

  private static Object field(Object owner, String name) throws Exception {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }
}
