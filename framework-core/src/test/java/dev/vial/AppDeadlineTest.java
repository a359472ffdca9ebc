package dev.vial;

import static dev.vial.Exchange.call;
import static dev.vial.Exchange.get;
import static dev.vial.Responses.abort;
import static dev.vial.Responses.ok;
import static dev.vial.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AppDeadlineTest {

  private static final Duration DEADLINE = Duration.ofMillis(200);
  private static final String UNAVAILABLE = "{\"error\":\"Service Unavailable\",\"status\":503}";
  private static final String INTERNAL_ERROR = "{\"error\":\"Internal Server Error\",\"status\":500}";

  static final class OutOfStock extends RuntimeException {
    OutOfStock() {
      super("sku 42");
    }
  }

  @Test
  void answers503WhenTheHandlerOutrunsTheDeadlineAndInterruptsIt() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    App app = new App().deadline(DEADLINE).get("/slow", req -> {
      try {
        Thread.sleep(10_000);
        return ok("too late");
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    });
    AtomicReference<Response> response = new AtomicReference<>();

    long start = System.nanoTime();
    String log = capturingStandardError(() -> response.set(get(app, "/slow")));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(response.get().status()).isEqualTo(503);
    assertThat(response.get().bodyText()).isEqualTo(UNAVAILABLE);
    assertThat(response.get().contentType()).isEqualTo("application/json");
    assertThat(elapsedMillis).isBetween(DEADLINE.toMillis(), 5_000L);
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(log).contains("WARN").contains("GET /slow").contains("200 ms deadline").doesNotContain("\tat ");
  }

  @Test
  void letsAHandlerWithinTheDeadlineAnswerFromItsOwnThread() {
    AtomicReference<Thread> handlerThread = new AtomicReference<>();
    App app = new App().deadline(Duration.ofSeconds(10)).get("/fast/{n:int}", req -> {
      handlerThread.set(Thread.currentThread());
      return ok("n=" + req.pathParamInt("n")).withHeader("X-Fast", "yes");
    });

    Response response = get(app, "/fast/7");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("n=7");
    assertThat(response.header("X-Fast")).isEqualTo("yes");
    assertThat(handlerThread.get()).isNotSameAs(Thread.currentThread());
  }

  @Test
  void runsHandlersOnTheCallingThreadWithoutADeadline() {
    AtomicReference<Thread> handlerThread = new AtomicReference<>();
    App app = new App().get("/", req -> {
      handlerThread.set(Thread.currentThread());
      return ok("here");
    });

    assertThat(get(app, "/").status()).isEqualTo(200);
    assertThat(handlerThread.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void mapsWhatTheHandlerThrowsWithinTheDeadlineAsUsual() {
    App app = new App().deadline(Duration.ofSeconds(10))
        .get("/teapot", req -> abort(418, "short and stout"))
        .get("/bug", req -> {
          throw new IllegalStateException("secret detail");
        })
        .get("/checked", req -> {
          throw new java.io.IOException("disk");
        })
        .get("/error", req -> {
          throw new AssertionError("broken invariant");
        })
        .get("/stock", req -> {
          throw new OutOfStock();
        })
        .get("/null", req -> null)
        .exception(OutOfStock.class, (e, req) -> text(409, "out of stock"));

    String log = capturingStandardError(() -> {
      Response teapot = get(app, "/teapot");
      assertThat(teapot.status()).isEqualTo(418);
      assertThat(teapot.bodyText()).isEqualTo("{\"error\":\"short and stout\",\"status\":418}");
      for (String path : new String[] {"/bug", "/checked", "/error", "/null"}) {
        Response failed = get(app, path);
        assertThat(failed.status()).as(path).isEqualTo(500);
        assertThat(failed.bodyText()).as(path).isEqualTo(INTERNAL_ERROR);
      }
      Response stock = get(app, "/stock");
      assertThat(stock.status()).isEqualTo(409);
      assertThat(stock.bodyText()).isEqualTo("out of stock");
    });

    assertThat(log).contains("IllegalStateException: secret detail").contains("AssertionError: broken invariant")
        .doesNotContain("deadline");
  }

  @Test
  void showsTheHandlerTheAttributesBeforeFiltersSet() {
    App app = new App().deadline(Duration.ofSeconds(10))
        .before(req -> {
          req.attribute("user", "ada");
          return null;
        })
        .get("/me", req -> ok("user=" + req.attribute("user")));

    assertThat(get(app, "/me").bodyText()).isEqualTo("user=ada");
  }

  @Test
  void answersTheDeadline503ThroughTheAppsErrorHandlerAndAfterFilters() {
    App app = new App().deadline(DEADLINE)
        .get("/slow", req -> {
          Thread.sleep(10_000);
          return ok("too late");
        })
        .error(503, (e, req) -> text(503, "busy, retry later").withHeader("Retry-After", "1"))
        .after((req, res) -> res.withHeader("X-Request-Id", "r-1"));

    Response response = capturing(() -> get(app, "/slow"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.bodyText()).isEqualTo("busy, retry later");
    assertThat(response.header("Retry-After")).isEqualTo("1");
    assertThat(response.header("X-Request-Id")).isEqualTo("r-1");
  }

  @Test
  void keepsTheContentLengthOfAHeadRequestWithinTheDeadline() {
    App app = new App().deadline(Duration.ofSeconds(10)).get("/", req -> ok("hello"));

    Response response = call(app, "HEAD", "/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Length")).isEqualTo("5");
  }

  @Test
  void answers500AndInterruptsTheHandlerWhenTheWaitingThreadIsInterrupted() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch handlerInterrupted = new CountDownLatch(1);
    App app = new App().deadline(Duration.ofSeconds(60)).get("/slow", req -> {
      started.countDown();
      try {
        Thread.sleep(60_000);
        return ok("too late");
      } catch (InterruptedException e) {
        handlerInterrupted.countDown();
        throw e;
      }
    });
    AtomicReference<Response> response = new AtomicReference<>();
    AtomicReference<Boolean> interruptKept = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      response.set(capturing(() -> get(app, "/slow")));
      interruptKept.set(Thread.currentThread().isInterrupted());
    });

    caller.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(5_000);

    assertThat(response.get().status()).isEqualTo(500);
    assertThat(response.get().bodyText()).isEqualTo(INTERNAL_ERROR);
    assertThat(interruptKept.get()).isTrue();
    assertThat(handlerInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void interruptsHandlersOnThePlatformThreadPoolToo() throws Exception {
    ExecutorService pool = HandlerDeadline.platformThreadExecutor();
    try {
      HandlerDeadline deadline = new HandlerDeadline(DEADLINE, pool);
      CountDownLatch interrupted = new CountDownLatch(1);
      AtomicReference<Thread> handlerThread = new AtomicReference<>();
      Request req = Request.builder("GET", "/slow").build();

      assertThat(deadline.call(() -> ok("quick"), req).bodyText()).isEqualTo("quick");
      assertThatThrownBy(() -> capturingChecked(() -> deadline.call(() -> {
        handlerThread.set(Thread.currentThread());
        try {
          Thread.sleep(10_000);
          return ok("too late");
        } catch (InterruptedException e) {
          interrupted.countDown();
          throw e;
        }
      }, req)))
          .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(503));

      assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(handlerThread.get().isDaemon()).isTrue();
      assertThat(handlerThread.get().getName()).startsWith("vial-handler-");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesADeadlineThatIsMissingShorterThanAMillisecondOrLate() {
    assertThatThrownBy(() -> new App().deadline(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> new App().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    assertThatThrownBy(() -> new App().deadline(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");

    App started = new App().get("/", req -> ok("hi"));
    get(started, "/");
    assertThatThrownBy(() -> started.deadline(DEADLINE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptsADeadlineTooLongToCountInNanoseconds() {
    App app = new App().deadline(Duration.ofSeconds(Long.MAX_VALUE)).get("/", req -> ok("hi"));

    assertThat(get(app, "/").bodyText()).isEqualTo("hi");
  }

  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  /** Runs {@code action} with standard error (where slf4j-simple logs) captured and dropped. */
  private static <T> T capturingChecked(ThrowingSupplier<T> action) throws Exception {
    PrintStream original = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return action.get();
    } finally {
      System.setErr(original);
    }
  }

  private static Response capturing(java.util.function.Supplier<Response> action) {
    AtomicReference<Response> response = new AtomicReference<>();
    capturingStandardError(() -> response.set(action.get()));
    return response.get();
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
