package dev.vial.testkit;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.lambda.LambdaHandler;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client for every front door: the same test sends the same {@link TestRequest} in memory, over
 * HTTP, or through the Lambda adapter as any API Gateway, ALB or Function URL event, and reads the
 * answer back as a {@link TestResponse}.
 *
 * <pre>{@code
 * try (TestClient client = TestClient.inMemory(app)) {
 *   assertThat(client.send(TestRequest.get("/")).bodyText()).isEqualTo("hello");
 * }
 * }</pre>
 */
public final class TestClient implements AutoCloseable {

  /** Headers {@code java.net.http.HttpClient} refuses to set; it writes them itself. */
  private static final Set<String> CLIENT_MANAGED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private interface Exchange {
    TestResponse send(TestRequest request) throws IOException, InterruptedException;
  }

  private final Transport transport;
  private final Exchange exchange;
  private final AutoCloseable resource;

  private TestClient(Transport transport, Exchange exchange, AutoCloseable resource) {
    this.transport = transport;
    this.exchange = exchange;
    this.resource = resource;
  }

  /**
   * A client for {@code app} through {@code transport}: in memory; over HTTP to a local server started
   * on a free loopback port (stopped by {@link #close()}); or through a {@link LambdaHandler} for the app
   * in that event shape. The same test can then run against every front door.
   */
  public static TestClient of(Transport transport, App app) {
    return switch (transport) {
      case IN_MEMORY -> inMemory(app);
      case HTTP -> {
        RunningServer server = LocalServer.start(app, ServerOptions.defaults().withPort(0));
        yield http(URI.create(server.url()), server);
      }
      default -> lambda(new LambdaHandler(app), transport);
    };
  }

  /** Calls {@link App#handle(Request)} directly; a streamed body is collected. */
  public static TestClient inMemory(App app) {
    return new TestClient(Transport.IN_MEMORY, request -> {
      Request.Builder builder = Request.builder(request.method(), request.rawPath())
          .headers(request.headers())
          .body(request.body())
          .remoteAddress("127.0.0.1");
      if (request.rawQuery() != null) {
        builder.rawQuery(request.rawQuery());
      }
      // a streamed body is run and collected, as a buffered front door would
      Response response = dev.vial.stream.StreamWriter.collect(app.handle(builder.build()), Integer.MAX_VALUE);
      return new TestResponse(response.status(), response.headers(), response.body());
    }, null);
  }

  /**
   * Sends real HTTP/1.1 requests to a running server at {@code baseUri} (e.g. {@code http://127.0.0.1:8080}).
   * Closing the client does not stop the server; use {@link #http(URI, AutoCloseable)} for that.
   */
  public static TestClient http(URI baseUri) {
    return http(baseUri, null);
  }

  /** Like {@link #http(URI)}, and closes {@code server} when the client is closed. */
  public static TestClient http(URI baseUri, AutoCloseable server) {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    String base = baseUri.toString().endsWith("/")
        ? baseUri.toString().substring(0, baseUri.toString().length() - 1)
        : baseUri.toString();
    return new TestClient(Transport.HTTP, request -> {
      HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.target()))
          .timeout(Duration.ofSeconds(30))
          .method(request.method(), request.body().length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body()));
      request.headers().forEach((name, value) -> {
        if (!CLIENT_MANAGED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          http.header(name, value);
        }
      });
      HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
      Headers.Builder headers = Headers.builder();
      for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
        if (!header.getKey().startsWith(":")) {
          headers.addAll(header.getKey(), header.getValue());
        }
      }
      return new TestResponse(response.statusCode(), headers.build(), response.body());
    }, server);
  }

  /**
   * Sends each request to {@code handler} as the event {@code shape} would deliver it, and decodes the
   * proxy response as the service would. {@code shape} must be a Lambda transport.
   */
  public static TestClient lambda(RequestStreamHandler handler, Transport shape) {
    if (!shape.isLambda()) {
      throw new IllegalArgumentException(shape + " is not a Lambda event shape");
    }
    return new TestClient(shape, request -> {
      byte[] event = LambdaEvents.write(request, shape);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, new TestLambdaContext());
      return LambdaEvents.read(out.toByteArray(), shape, request);
    }, null);
  }

  /** The event JSON {@code shape} would deliver for {@code request}: for feeding handlers by hand. */
  public static byte[] event(TestRequest request, Transport shape) {
    return LambdaEvents.write(request, shape);
  }

  /** The front door this client goes through. */
  public Transport transport() {
    return transport;
  }

  /** Sends {@code request} and returns the decoded answer. */
  public TestResponse send(TestRequest request) {
    try {
      return exchange.send(request);
    } catch (IOException e) {
      throw new UncheckedIOException(transport + " " + request + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending " + request, e);
    }
  }

  /** Sends a {@code GET}. */
  public TestResponse get(String target) {
    return send(TestRequest.get(target));
  }

  /** Closes what the client started (a server), if anything. */
  @Override
  public void close() {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("Closing the " + transport + " front door failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return transport.name();
  }
}
