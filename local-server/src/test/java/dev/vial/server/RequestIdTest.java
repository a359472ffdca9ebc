package dev.vial.server;

import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Blueprint;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

/** Every request carries an id, and every failure in the app is a bare 500 that still carries it. */
@Timeout(15)
class RequestIdTest {

  private static final String BARE_500 = "{\"error\":\"Internal Server Error\",\"status\":500}";
  private static RunningServer server;

  @BeforeAll
  static void start() {
    App app = new App();
    app.get("/mdc", req -> ok(String.valueOf(MDC.get("requestId"))));
    app.get("/throws", req -> {
      throw new IllegalStateException("secret internal detail");
    });
    app.get("/null", req -> null);
    app.get("/own", req -> ok("own").withHeader("X-Request-Id", "set-by-app"));
    Blueprint failing = new Blueprint("/failing")
        .before(req -> {
          throw new IllegalArgumentException("secret filter detail");
        })
        .get("/x", req -> ok("never"));
    Blueprint failingErrors = new Blueprint("/bad-handler")
        .get("/x", req -> {
          throw new IllegalStateException("secret first detail");
        })
        .error(500, (e, req) -> {
          throw new IllegalStateException("secret error handler detail");
        });
    Blueprint failingAfter = new Blueprint("/bad-after")
        .get("/x", req -> ok("fine"))
        .after((req, res) -> {
          throw new IllegalStateException("secret after detail");
        });
    app.register(failing).register(failingErrors).register(failingAfter);
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withShutdownGrace(Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawConnection.RawResponse get(String target, String extraFields) throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      return connection.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n" + extraFields + "\r\n").read();
    }
  }

  @Test
  void givesEachRequestARandomIdInTheMdcAndTheResponse() throws IOException {
    RawConnection.RawResponse first = get("/mdc", "");
    RawConnection.RawResponse second = get("/mdc", "");

    assertThat(first.header("x-request-id")).matches("[0-9a-f]{16}").isEqualTo(first.bodyText());
    assertThat(second.header("x-request-id")).matches("[0-9a-f]{16}").isNotEqualTo(first.header("x-request-id"));
  }

  @Test
  void keepsAWellFormedIncomingId() throws IOException {
    RawConnection.RawResponse answer = get("/mdc", "X-Request-Id: lb-1234:abc_DEF.9\r\n");

    assertThat(answer.header("x-request-id")).isEqualTo("lb-1234:abc_DEF.9");
    assertThat(answer.bodyText()).isEqualTo("lb-1234:abc_DEF.9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "semi;colon", "<script>", "\u00e9t\u00e9"})
  void replacesAMalformedIncomingId(String incoming) throws IOException {
    RawConnection.RawResponse answer = get("/mdc", "X-Request-Id: " + incoming + "\r\n");

    assertThat(answer.header("x-request-id")).matches("[0-9a-f]{16}");
  }

  @Test
  void replacesAnOverlongIncomingId() throws IOException {
    assertThat(get("/mdc", "X-Request-Id: " + "a".repeat(65) + "\r\n").header("x-request-id")).matches("[0-9a-f]{16}");
    assertThat(get("/mdc", "X-Request-Id: " + "a".repeat(64) + "\r\n").header("x-request-id")).isEqualTo("a".repeat(64));
  }

  @Test
  void letsTheAppSetItsOwnId() throws IOException {
    RawConnection.RawResponse answer = get("/own", "");

    assertThat(answer.count("x-request-id")).isEqualTo(1);
    assertThat(answer.header("x-request-id")).isEqualTo("set-by-app");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/throws", "/null", "/failing/x", "/bad-handler/x", "/bad-after/x"})
  void answersEveryAppFailureWithABare500CarryingTheId(String target) throws IOException {
    RawConnection.RawResponse answer = get(target, "X-Request-Id: fault-1\r\n");

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.bodyText()).isEqualTo(BARE_500);
    assertThat(answer.header("x-request-id")).isEqualTo("fault-1");
  }

  @Test
  void leavesNoIdBehindOnTheWorkerThread() throws IOException {
    get("/mdc", "X-Request-Id: first\r\n");

    assertThat(get("/mdc", "").bodyText()).matches("[0-9a-f]{16}");
  }

}
