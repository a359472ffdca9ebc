package dev.vial.benchmarks;

import static dev.vial.Responses.ok;

import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@code App.handle} for {@code GET /} answered with {@code ok("hello")}: the framework's own floor. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AppHandleBenchmark {

  private App app;
  private Request root;

  /** Builds the app and answers one request, so the route table is compiled before measuring. */
  @Setup
  public void setUp() {
    app = new App().get("/", req -> ok("hello"));
    root = Request.builder("GET", "/").build();
    app.handle(root);
  }

  /** One {@code GET /}. */
  @Benchmark
  public Response handleRoot() {
    return app.handle(root);
  }
}
