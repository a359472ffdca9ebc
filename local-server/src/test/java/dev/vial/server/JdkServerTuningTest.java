package dev.vial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which sun.net.httpserver properties Vial sets, and that it never overrides the user's. */
class JdkServerTuningTest {

  private final ServerOptions options = ServerOptions.defaults()
      .withReadTimeout(Duration.ofMillis(1500))
      .withIdleTimeout(Duration.ofSeconds(7))
      .withResponseTimeout(Duration.ofSeconds(20))
      .withMaxHeaderBytes(10_000)
      .withMaxIdleConnections(12)
      .withMaxConnections(345);

  @Test
  void setsEveryPropertyTheUserLeftUnset() {
    Properties system = new Properties();

    JdkServerTuning.Outcome outcome = new JdkServerTuning(system).apply(options);

    assertThat(outcome.set()).containsExactly(
        entry("nodelay", "true"),
        entry("maxReqTime", "2"),
        entry("maxRspTime", "20"),
        entry("idleInterval", "7"),
        entry("clockTick", "1000"),
        entry("maxReqHeaderSize", "20000"),
        entry("maxIdleConnections", "12"),
        entry("drainAmount", "0"),
        java.util.Map.entry("jdk.httpserver.maxConnections", "345"));
    assertThat(system).containsAllEntriesOf(outcome.set());
    assertThat(outcome.userSet()).isEmpty();
    assertThat(outcome.keptFromEarlierServer()).isEmpty();
  }

  @Test
  void leavesPropertiesTheUserSetAndSaysSo() {
    Properties system = new Properties();
    system.setProperty("sun.net.httpserver.nodelay", "false");
    system.setProperty("sun.net.httpserver.maxReqTime", "2"); // same as the options ask: nothing to report

    JdkServerTuning.Outcome outcome = new JdkServerTuning(system).apply(options);

    assertThat(system.getProperty("sun.net.httpserver.nodelay")).isEqualTo("false");
    assertThat(outcome.set()).doesNotContainKeys("sun.net.httpserver.nodelay", "sun.net.httpserver.maxReqTime");
    assertThat(outcome.userSet()).containsExactly("sun.net.httpserver.nodelay=false (options ask for true)");
  }

  @Test
  void reportsThatALaterServerKeepsTheFirstServersValues() {
    JdkServerTuning tuning = new JdkServerTuning(new Properties());
    tuning.apply(options);

    JdkServerTuning.Outcome second = tuning.apply(options.withIdleTimeout(Duration.ofSeconds(3)));

    assertThat(second.set()).isEmpty();
    assertThat(second.userSet()).isEmpty();
    assertThat(second.keptFromEarlierServer()).containsExactly("sun.net.httpserver.idleInterval=7 (options ask for 3)");
  }

  @Test
  void noResponseTimeoutMeansTheJdksUnlimited() {
    assertThat(JdkServerTuning.desired(options.withResponseTimeout(Duration.ZERO)))
        .containsEntry("sun.net.httpserver.maxRspTime", "-1");
  }

  @Test
  void roundsTimeoutsUpToWholeSeconds() {
    assertThat(JdkServerTuning.seconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(JdkServerTuning.seconds(Duration.ofSeconds(3))).isEqualTo(3);
    assertThat(JdkServerTuning.seconds(Duration.ofMillis(3001))).isEqualTo(4);
  }

  private static java.util.Map.Entry<String, String> entry(String name, String value) {
    return java.util.Map.entry("sun.net.httpserver." + name, value);
  }
}
