package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsListenOnLoopback8080WithALambdaSizedBodyLimit() {
    ServerOptions options = ServerOptions.defaults();

    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.maxBodyBytes()).isEqualTo(6 * 1024 * 1024);
    assertThat(options.maxHeaderBytes()).isEqualTo(64 * 1024);
    assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(options.workerThreads()).isGreaterThanOrEqualTo(16);
    assertThat(options.virtualThreads()).isTrue();
    assertThat(options.maxIdleConnections()).isEqualTo(200);
    assertThat(options.maxConnections()).isEqualTo(1000);
    assertThat(options.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void noArgumentsAndNoEnvironmentGiveTheDefaults() {
    assertThat(ServerOptions.fromArgs(new String[0], Map.of())).isEqualTo(ServerOptions.defaults());
    assertThat(ServerOptions.fromArgs(null, null)).isEqualTo(ServerOptions.defaults());
  }

  @Test
  void readsThePortFromTheEnvironment() {
    assertThat(ServerOptions.fromArgs(new String[0], Map.of("PORT", "9000")).port()).isEqualTo(9000);
  }

  @Test
  void argumentsWinOverTheEnvironment() {
    ServerOptions options = ServerOptions.fromArgs(new String[] {"--port", "9100"}, Map.of("PORT", "9000"));

    assertThat(options.port()).isEqualTo(9100);
  }

  @Test
  void acceptsPortAndHostWithSpaceOrEquals() {
    ServerOptions spaced = ServerOptions.fromArgs(new String[] {"--host", "0.0.0.0", "--port", "0"}, Map.of());
    ServerOptions joined = ServerOptions.fromArgs(new String[] {"--host=0.0.0.0", "--port=0"}, Map.of());

    assertThat(spaced.host()).isEqualTo("0.0.0.0");
    assertThat(spaced.port()).isZero();
    assertThat(joined).isEqualTo(spaced);
  }

  @Test
  void ignoresArgumentsItDoesNotKnow() {
    ServerOptions options = ServerOptions.fromArgs(new String[] {"--debug", "serve", "--port", "7000"}, Map.of());

    assertThat(options.port()).isEqualTo(7000);
    assertThat(options.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void refusesAPortThatIsNotANumber() {
    assertThatThrownBy(() -> ServerOptions.fromArgs(new String[] {"--port", "http"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid port in --port: 'http' is not a number (use 0..65535; 0 picks a free port)");
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> ServerOptions.fromArgs(new String[] {"--port", "70000"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000 is out of range");
    assertThatThrownBy(() -> ServerOptions.fromArgs(new String[] {"--port", "-1"}, Map.of()))
        .hasMessageContaining("-1 is out of range");
  }

  @Test
  void namesTheEnvironmentVariableWhenItHoldsABadPort() {
    assertThatThrownBy(() -> ServerOptions.fromArgs(new String[0], Map.of("PORT", "eighty")))
        .hasMessageContaining("environment variable PORT")
        .hasMessageContaining("'eighty'");
  }

  @Test
  void refusesAnOptionWithoutItsValue() {
    assertThatThrownBy(() -> ServerOptions.fromArgs(new String[] {"--port"}, Map.of()))
        .hasMessage("Option --port needs a value, e.g. --port 8080");
    assertThatThrownBy(() -> ServerOptions.fromArgs(new String[] {"--host="}, Map.of()))
        .hasMessageContaining("--host needs an address");
  }

  @Test
  void refusesImpossibleValues() {
    ServerOptions options = ServerOptions.defaults();

    assertThatThrownBy(() -> options.withMaxBodyBytes(-1)).hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> options.withMaxHeaderBytes(10)).hasMessageContaining("maxHeaderBytes");
    assertThatThrownBy(() -> options.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout must be positive");
    assertThatThrownBy(() -> options.withIdleTimeout(null)).hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> options.withResponseTimeout(Duration.ofSeconds(-1))).hasMessageContaining("responseTimeout");
    assertThatThrownBy(() -> options.withWorkerThreads(0)).hasMessageContaining("workerThreads");
    assertThatThrownBy(() -> options.withMaxIdleConnections(-1)).hasMessageContaining("maxIdleConnections");
    assertThatThrownBy(() -> options.withMaxConnections(0)).hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> options.withShutdownGrace(Duration.ofMillis(-1))).hasMessageContaining("shutdownGrace");
    assertThatThrownBy(() -> options.withHost(" ")).hasMessageContaining("Host");
    assertThatThrownBy(() -> options.withPort(65536)).hasMessageContaining("65536");
  }

  @Test
  void withersChangeOnlyTheirOption() {
    ServerOptions changed = ServerOptions.defaults().withResponseTimeout(Duration.ZERO).withVirtualThreads(false)
        .withAccessLog(false);

    assertThat(changed.responseTimeout()).isZero();
    assertThat(changed.virtualThreads()).isFalse();
    assertThat(changed.accessLog()).isFalse();
    assertThat(changed.withResponseTimeout(Duration.ofSeconds(120)).withVirtualThreads(true).withAccessLog(true))
        .isEqualTo(ServerOptions.defaults());
  }
}
