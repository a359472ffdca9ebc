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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code App.handle} on a table of 50 routes (10 resources × list, create, item, item sub-resource and a
 * catch-all): routing, typed parameter binding and a plain-text answer, no front door.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

  private static final String[] RESOURCES =
      {"users", "orders", "items", "carts", "invoices", "payments", "shipments", "reviews", "coupons", "stores"};

  /** The request path: the last resource's item route, a catch-all near the end, and a miss (404). */
  @Param({"/stores/42/reviews/7", "/stores/files/a/b/c.txt", "/nowhere/at/all"})
  public String path;

  private App fiftyRoutes;
  private Request routed;

  /** Builds the app and answers one request, so the route table is compiled before measuring. */
  @Setup
  public void setUp() {
    fiftyRoutes = new App();
    for (String resource : RESOURCES) {
      String base = "/" + resource;
      fiftyRoutes.get(base, req -> ok("list"))
          .post(base, req -> ok("created"))
          .get(base + "/{id:int}", req -> ok(req.pathParam("id")))
          .get(base + "/{id:int}/reviews/{review:int}", req -> ok(req.pathParam("review")))
          .get(base + "/files/{rest:path}", req -> ok(req.pathParam("rest")));
    }
    if (fiftyRoutes.routes().size() != 50) {
      throw new IllegalStateException("Expected 50 routes, got " + fiftyRoutes.routes().size());
    }
    routed = Request.builder("GET", path).build();
    fiftyRoutes.handle(routed);
  }

  /** Routes {@link #path} in the 50-route table and answers it. */
  @Benchmark
  public Response fiftyRoutes() {
    return fiftyRoutes.handle(routed);
  }
}
