package dev.vial.benchmarks;

import dev.vial.example.echo.EchoApp;
import dev.vial.example.echo.EchoLambda;
import dev.vial.lambda.LambdaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * A whole Lambda invocation, bytes in to bytes out, through the example app's handler: event parsing,
 * source detection, routing, the handler, JSON rendering and the proxy-response JSON. The events are
 * full API Gateway events (REST API payload 1.0 and HTTP API payload 2.0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.log.dev.vial.lambda.access=warn")
public class LambdaAdapterBenchmark {

  /** Event files under {@code /events}: REST v1 and HTTP API v2, {@code GET /users/42} and {@code POST /json}. */
  @Param({"v1-get-users-42", "v1-post-json", "v2-get-users-42", "v2-post-json"})
  public String event;

  /**
   * {@code with-service-events}: {@code EchoLambda}, whose service-event table makes every event pass the
   * HTTP-or-service check; {@code http-only}: the same app in a plain {@code LambdaHandler}, the baseline.
   */
  @Param({"with-service-events", "http-only"})
  public String handlerKind;

  private LambdaHandler handler;
  private byte[] eventBytes;
  private ByteArrayOutputStream out;

  /** Builds the handler once, as Lambda does per execution environment. */
  @Setup
  public void setUp() {
    handler = handlerKind.equals("http-only") ? new LambdaHandler(EchoApp.create()) : new EchoLambda();
    eventBytes = Events.load(event);
    out = new ByteArrayOutputStream(4096);
    byte[] answer = invoke();
    if (!new String(answer, java.nio.charset.StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
      throw new IllegalStateException("Event " + event + " was not answered with 200");
    }
  }

  /** One invocation; returns the response bytes so the JIT cannot drop the work. */
  @Benchmark
  public byte[] invoke() {
    out.reset();
    try {
      handler.handleRequest(new ByteArrayInputStream(eventBytes), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads the bundled event files. */
  static final class Events {
    private Events() {}

    static byte[] load(String name) {
      try (InputStream in = LambdaAdapterBenchmark.class.getResourceAsStream("/events/" + name + ".json")) {
        if (in == null) {
          throw new IllegalArgumentException("No event file /events/" + name + ".json");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
