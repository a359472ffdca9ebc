package dev.vial.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionFilterTest {

  private static final String KEY = "filter-test-key-0123456789";
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private static SessionFilter filter(List<String> keys, Map<String, String> env, Instant now) {
    return SessionFilter.create(SessionOptions.defaults().withMaxAge(Duration.ofHours(1)), keys, env,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Runs one request through the filter: the handler stores {@code count}, or only reads when {@code null}. */
  private static Response exchange(SessionFilter filter, String cookie, Object count) {
    Request req = Request.builder("GET", "/").headers(cookie == null ? Headers.empty() : Headers.of("Cookie", cookie)).build();
    assertThat(filter.before(req)).isNull();
    Session session = req.session();
    if (count != null) {
      session.put("count", count);
    }
    return filter.after(req, Response.of(200).withBody(String.valueOf(session.get("count")), "text/plain"));
  }

  private static String cookie(Response response) {
    String header = response.header("Set-Cookie");
    return header.substring(0, header.indexOf(';'));
  }

  @Test
  void aSessionOlderThanItsMaxAgeIsEmpty() {
    String cookie = cookie(exchange(filter(List.of(KEY), Map.of(), NOW), null, 7));

    assertThat(exchange(filter(List.of(KEY), Map.of(), NOW.plusSeconds(3600)), cookie, null).bodyText()).isEqualTo("7");
    assertThat(exchange(filter(List.of(KEY), Map.of(), NOW.plusSeconds(3601)), cookie, null).bodyText()).isEqualTo("null");
  }

  @Test
  void takesTheKeyFromTheEnvironmentWhenTheAppSetsNone() {
    SessionFilter fromEnv = filter(null, Map.of("VIAL_SECRET_KEY", KEY), NOW);
    String cookie = cookie(exchange(filter(List.of(KEY), Map.of(), NOW), null, 1));

    assertThat(exchange(fromEnv, cookie, null).bodyText()).isEqualTo("1");
  }

  @Test
  void aLocalRunWithoutAKeySignsWithARandomKeyOfItsOwn() {
    SessionFilter one = filter(List.of(), Map.of(), NOW);
    SessionFilter other = filter(null, Map.of("VIAL_SECRET_KEY", ""), NOW);
    String cookie = cookie(exchange(one, null, 5));

    assertThat(exchange(one, cookie, null).bodyText()).isEqualTo("5");
    assertThat(exchange(other, cookie, null).bodyText()).isEqualTo("null");
  }

  @Test
  void isRefusedAtStartupOnLambdaWithoutAKey() {
    assertThatThrownBy(() -> filter(null, Map.of("AWS_LAMBDA_FUNCTION_NAME", "echo"), NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Sessions need a secret key on Lambda: set the environment variable VIAL_SECRET_KEY");
    assertThatThrownBy(() -> filter(null, Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"), NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(filter(null, Map.of("AWS_LAMBDA_FUNCTION_NAME", "echo", "VIAL_SECRET_KEY", KEY), NOW)).isNotNull();
  }

  @Test
  void refusesShortKeys() {
    assertThatThrownBy(() -> filter(null, Map.of("VIAL_SECRET_KEY", "tiny"), NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Session secret key from VIAL_SECRET_KEY is 4 characters long; use at least 16 (better 32 or more) random characters");
    assertThatThrownBy(() -> filter(java.util.Arrays.asList(KEY, null), Map.of(), NOW))
        .hasMessageContaining("is null");
  }

  @Test
  void optionsAreCheckedWhenMade() {
    assertThatThrownBy(() -> SessionOptions.defaults().withCookieName("bad name")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionOptions.defaults().withMaxAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionOptions.defaults().withPath("/a;b")).isInstanceOf(IllegalArgumentException.class);
  }
}
