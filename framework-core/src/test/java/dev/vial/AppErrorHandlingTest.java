package dev.vial;

import static dev.vial.Exchange.call;
import static dev.vial.Exchange.get;
import static dev.vial.Responses.abort;
import static dev.vial.Responses.ok;
import static dev.vial.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppErrorHandlingTest {

  private static final String INTERNAL_ERROR = "{\"error\":\"Internal Server Error\",\"status\":500}";

  static final class PaymentFailed extends RuntimeException {
    PaymentFailed(String message) {
      super(message);
    }
  }

  static final class CardDeclined extends IllegalStateException {
    CardDeclined() {
      super("declined");
    }
  }

  @Test
  void answersAnUncaughtExceptionWithABare500AndLogsTheStackTrace() {
    App app = new App().get("/boom", req -> {
      throw new IllegalStateException("secret database password");
    });

    String log = capturingStandardError(() -> {
      Response response = get(app, "/boom");
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).isEqualTo(INTERNAL_ERROR);
      assertThat(response.contentType()).isEqualTo("application/json");
    });

    assertThat(log).contains("IllegalStateException: secret database password").contains("at dev.vial.");
  }

  @Test
  void answers500WhenAHandlerReturnsNull() {
    App app = new App().get("/null", req -> null);

    Response response = get(app, "/null");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void answers500WhenACheckedExceptionOrAnErrorEscapes() {
    App app = new App()
        .get("/checked", req -> {
          throw new java.io.IOException("disk");
        })
        .get("/error", req -> {
          throw new StackOverflowError();
        });

    assertThat(get(app, "/checked").bodyText()).isEqualTo(INTERNAL_ERROR);
    assertThat(get(app, "/error").bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void answers500WhenAnExceptionHandlerThrows() {
    App app = new App()
        .get("/boom", req -> {
          throw new PaymentFailed("x");
        })
        .exception(PaymentFailed.class, (e, req) -> {
          throw new IllegalStateException("handler broke");
        });

    assertThat(get(app, "/boom").bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void answers500WhenAnExceptionHandlerReturnsNull() {
    App app = new App()
        .get("/boom", req -> {
          throw new PaymentFailed("x");
        })
        .exception(PaymentFailed.class, (e, req) -> null);

    assertThat(get(app, "/boom").status()).isEqualTo(500);
  }

  @Test
  void answers500WhenAnAfterFilterThrowsOrReturnsNull() {
    App throwing = new App().get("/a", req -> ok("a")).after((req, res) -> {
      throw new IllegalStateException("after broke");
    });
    App nulling = new App().get("/a", req -> ok("a")).after((req, res) -> null);

    assertThat(get(throwing, "/a").bodyText()).isEqualTo(INTERNAL_ERROR);
    assertThat(get(nulling, "/a").bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void answers500WhenABeforeFilterThrows() {
    App app = new App().get("/a", req -> ok("a")).before(req -> {
      throw new IllegalStateException("before broke");
    });

    assertThat(get(app, "/a").bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void answers500InsteadOfASplitResponseWhenAHandlerSetsAHeaderWithCrLf() {
    App app = new App().get("/split", req -> ok("x").withHeader("X-Evil", "a\r\nSet-Cookie: pwned=1"));

    Response response = get(app, "/split");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.headers().contains("Set-Cookie")).isFalse();
    assertThat(response.headers().contains("X-Evil")).isFalse();
  }

  @Test
  void answers500WhenAnHttpExceptionCarriesAHeaderWithCrLf() {
    App app = new App().get("/split", req -> {
      throw new HttpException(429, "slow down", Headers.of("Retry-After", "1\r\nX-Injected: 1"), null);
    });

    Response response = get(app, "/split");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.headers().contains("X-Injected")).isFalse();
  }

  @Test
  void answers500WhenAJsonResponseCannotBeRendered() {
    Object unserializable = new Object() {
      public Object getSelf() {
        throw new IllegalStateException("cannot serialize");
      }
    };
    App app = new App().get("/j", req -> Responses.json(unserializable));

    assertThat(get(app, "/j").bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void answers500WhenTheFrontDoorPassesNoRequest() {
    assertThat(new App().handle(null).status()).isEqualTo(500);
  }

  @Test
  void turnsHttpExceptionsAndAbortIntoTheirStatusWithAJsonBody() {
    App app = new App()
        .get("/abort", req -> abort(409, "Name \"ann\" is taken"))
        .get("/throw", req -> {
          throw new HttpException(403);
        })
        .get("/retry", req -> {
          throw new HttpException(503, "later", Headers.of("Retry-After", "5"), null);
        })
        .get("/null-message", req -> {
          throw new HttpException(422, null, null, null);
        });

    Response aborted = get(app, "/abort");
    assertThat(aborted.status()).isEqualTo(409);
    assertThat(aborted.bodyText()).isEqualTo("{\"error\":\"Name \\\"ann\\\" is taken\",\"status\":409}");
    assertThat(get(app, "/throw").bodyText()).isEqualTo("{\"error\":\"Forbidden\",\"status\":403}");
    assertThat(get(app, "/retry").header("Retry-After")).isEqualTo("5");
    assertThat(get(app, "/null-message").bodyText()).isEqualTo("{\"error\":\"Unprocessable Content\",\"status\":422}");
  }

  @Test
  void picksTheMostSpecificExceptionHandler() {
    App app = new App()
        .get("/declined", req -> {
          throw new CardDeclined();
        })
        .get("/state", req -> {
          throw new IllegalStateException("state");
        })
        .get("/other", req -> {
          throw new UnsupportedOperationException("other");
        })
        .exception(RuntimeException.class, (e, req) -> text(500, "runtime"))
        .exception(CardDeclined.class, (e, req) -> text(402, "declined"))
        .exception(IllegalStateException.class, (e, req) -> text(409, "state"));

    assertThat(get(app, "/declined").bodyText()).isEqualTo("declined");
    assertThat(get(app, "/state").bodyText()).isEqualTo("state");
    assertThat(get(app, "/other").bodyText()).isEqualTo("runtime");
  }

  @Test
  void exceptionHandlersReceiveTheExceptionAndTheRequest() {
    App app = new App()
        .get("/pay/{id}", req -> {
          throw new PaymentFailed("no funds");
        })
        .exception(PaymentFailed.class, (e, req) -> text(402, e.getMessage() + " for " + req.pathParam("id")));

    assertThat(get(app, "/pay/7").bodyText()).isEqualTo("no funds for 7");
  }

  @Test
  void broadExceptionHandlersDoNotSwallowHttpExceptions() {
    App app = new App()
        .get("/missing", req -> {
          throw new HttpException(404, "no such user");
        })
        .exception(Exception.class, (e, req) -> text(500, "generic"));

    assertThat(get(app, "/missing").status()).isEqualTo(404);
  }

  static final class UserNotFound extends HttpException {
    UserNotFound(String id) {
      super(404, "No user " + id);
    }
  }

  @Test
  void handlesHttpExceptionSubclassesByClassBeforeStatus() {
    App app = new App()
        .get("/users/{id}", req -> {
          throw new UserNotFound(req.pathParam("id"));
        })
        .exception(UserNotFound.class, (e, req) -> text(404, "by class: " + e.getMessage()))
        .error(404, (e, req) -> text(404, "by status"));

    assertThat(get(app, "/users/7").bodyText()).isEqualTo("by class: No user 7");
    assertThat(get(app, "/nope").bodyText()).isEqualTo("by status");
  }

  @Test
  void handlesHttpErrorsByStatus() {
    App app = new App()
        .get("/a", req -> ok("a"))
        .post("/gone", req -> {
          throw new HttpException(410, "gone for good");
        })
        .error(404, (e, req) -> text(404, "custom 404 for " + req.path()))
        .error(405, (e, req) -> text(405, "custom 405, allow " + e.headers().first("Allow")))
        .error(410, (e, req) -> text(410, "custom " + e.getMessage()));

    assertThat(get(app, "/nope").bodyText()).isEqualTo("custom 404 for /nope");
    assertThat(call(app, "DELETE", "/a").bodyText()).isEqualTo("custom 405, allow GET, HEAD, OPTIONS");
    assertThat(call(app, "POST", "/gone").bodyText()).isEqualTo("custom gone for good");
  }

  @Test
  void handlesTheMalformedPath400ByStatus() {
    App app = new App().error(400, (e, req) -> text(400, "custom: " + e.getMessage()));

    Response response = get(app, "/a%zz");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).startsWith("custom: Malformed percent-escape");
  }

  @Test
  void handlesUncaughtExceptionsWithACustom500Handler() {
    App app = new App()
        .get("/boom", req -> {
          throw new IllegalStateException("inner");
        })
        .error(500, (e, req) -> text(500, "sorry, " + e.getCause().getMessage()));

    assertThat(get(app, "/boom").bodyText()).isEqualTo("sorry, inner");
  }

  @Test
  void answers500WhenAStatusHandlerThrows() {
    App app = new App().error(404, (e, req) -> {
      throw new IllegalStateException("broken 404 page");
    });

    assertThat(get(app, "/nope").bodyText()).isEqualTo(INTERNAL_ERROR);
  }

  @Test
  void responsesReturnedWithAnErrorStatusAreNotErrors() {
    App app = new App()
        .get("/teapot", req -> text(404, "handler's own 404"))
        .error(404, (e, req) -> text(404, "custom"));

    assertThat(get(app, "/teapot").bodyText()).isEqualTo("handler's own 404");
  }

  @Test
  void rejectAnswersWithTheDefaultBodyOrTheAppsHandlerAndRunsAfterFilters() {
    App plain = new App().after((req, res) -> res.withHeader("X-After", "1"));
    App custom = new App().error(413, (e, req) -> text(413, "too big: " + e.getMessage()));

    Response rejected = plain.reject(Request.builder("POST", "/upload").build(), new HttpException(413));
    assertThat(rejected.status()).isEqualTo(413);
    assertThat(rejected.bodyText()).isEqualTo("{\"error\":\"Content Too Large\",\"status\":413}");
    assertThat(rejected.header("X-After")).isEqualTo("1");

    Response handled = custom.reject(Request.builder("POST", "/upload").build(), new HttpException(413, "limit 1 MB"));
    assertThat(handled.bodyText()).isEqualTo("too big: limit 1 MB");
  }

  @Test
  void defaultErrorBodiesAreJsonWithErrorAndStatus() {
    App app = new App().post("/j", req -> ok(req.json(Map.class).toString()));

    assertThat(get(app, "/x%4").bodyText()).startsWith("{\"error\":\"Malformed percent-escape").endsWith(",\"status\":400}");
    assertThat(get(app, "/nope").bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
    assertThat(get(app, "/j").bodyText()).isEqualTo("{\"error\":\"Method Not Allowed\",\"status\":405}");
    assertThat(app.reject(Request.builder("POST", "/j").build(), new HttpException(413)).bodyText())
        .isEqualTo("{\"error\":\"Content Too Large\",\"status\":413}");
  }

  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
