package dev.vial.lambda.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vial.App;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AWS service in front of a Lambda handler, in this JVM: an {@link App} that turns every HTTP
 * request into the event the service would send ({@link GatewayEvents}), invokes the handler with it,
 * and turns the handler's proxy response back into the HTTP response the service would send
 * ({@link GatewayEnvelopes}). Serve it with the local server like any other app:
 *
 * <pre>{@code
 * App gateway = GatewayEmulation.app(new EchoLambda(), EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"));
 * LocalServer.start(gateway, ServerOptions.defaults().withMaxBodyBytes(EmulationOptions.GATEWAY_MAX_BODY_BYTES));
 * }</pre>
 *
 * <p>What the service itself answers, without the function (JSON bodies as API Gateway sends them):
 * <ul>
 *   <li>a URL outside the named stage or the base path: 404 {@code {"message":"Not Found"}}; on a REST
 *       API a first segment that is not the stage: 403 {@code {"message":"Forbidden"}};
 *   <li>a body over {@link EmulationOptions#maxBodyBytes()}: on API Gateway 413 with the plain text
 *       {@code HTTP content length exceeded 10485760 bytes.} (for the default 10 MiB), elsewhere 413
 *       {@code {"message":"Request Entity Too Large"}};
 *   <li>on API Gateway, an event over Lambda's 6 MiB payload limit (a body under the gateway's limit, but
 *       large once in the event, base64 for binary): 413 {@code {"message":"Request Too Long"}}, the
 *       function not invoked;
 *   <li>no answer within {@link EmulationOptions#timeout()}: 504 {@code {"message":"Endpoint request timed out"}}
 *       (REST), 503 {@code {"message":"Service Unavailable"}} (HTTP APIs);
 *   <li>a handler that throws or an envelope the service cannot read: 502
 *       {@code {"message":"Internal server error"}} (an ALB: 502 with its HTML page), the cause in the log.
 * </ul>
 */
public final class GatewayEmulation {

  private static final Logger FUNCTION_LOG = LoggerFactory.getLogger("dev.vial.lambda.gateway.function");

  private static final Logger log = LoggerFactory.getLogger(GatewayEmulation.class);
  private static final String JSON = "application/json";
  /** Lambda's limit for a synchronous invocation's payload: an event over it never reaches the function. */
  static final int LAMBDA_MAX_EVENT_BYTES = 6 * 1024 * 1024;

  private final RequestStreamHandler handler;
  private final EmulationOptions options;
  private final BinaryBodies restBinaryBodies;
  private final ExecutorService invocations;

  private GatewayEmulation(RequestStreamHandler handler, EmulationOptions options) {
    this.handler = handler;
    this.options = options;
    this.restBinaryBodies = BinaryBodies.mediaTypes(options.binaryMediaTypes());
    this.invocations = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "vial-emulated-invocation");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * An app that emulates {@code options.kind()} in front of {@code handler}; it has no routes, every
   * request goes to the handler through a before filter.
   */
  public static App app(RequestStreamHandler handler, EmulationOptions options) {
    if (handler == null || options == null) {
      throw new IllegalArgumentException("handler and options must not be null");
    }
    GatewayEmulation gateway = new GatewayEmulation(handler, options);
    App app = new App();
    app.before(gateway::answer);
    app.error(413, (e, req) -> gateway.tooLarge());
    return app;
  }

  private Response answer(Request request) {
    String path = request.rawPath();
    String apiPath;
    if (options.basePath() != null) {
      if (!isUnder(path, options.basePath())) {
        return message(404, "Not Found");
      }
      apiPath = path; // a custom domain passes the mapping's base path on to the function
    } else if (options.stageInUrl()) {
      String stagePrefix = "/" + options.stage();
      if (!isUnder(path, stagePrefix)) {
        return options.kind() == GatewayKind.REST ? message(403, "Forbidden") : message(404, "Not Found");
      }
      apiPath = path.length() == stagePrefix.length() ? "/" : path.substring(stagePrefix.length());
    } else {
      apiPath = path;
    }
    if (request.body().length > options.maxBodyBytes()) {
      return tooLarge();
    }
    GatewayRequest call = new GatewayRequest(request.method(), apiPath, request.rawQuery(),
        request.headers(), request.body());
    byte[] event = GatewayEvents.write(call, options.kind(), options.stage(), restBinaryBodies);
    if (event.length > LAMBDA_MAX_EVENT_BYTES && options.kind().hasStages()) {
      log.warn("{} {}: the event is {} bytes, over Lambda's {} for a synchronous invocation; the gateway answers 413",
          request.method(), path, event.length, LAMBDA_MAX_EVENT_BYTES);
      return message(413, "Request Too Long");
    }
    byte[] envelope;
    try {
      envelope = invoke(event);
    } catch (TimeoutException e) {
      log.warn("{} {}: the function did not answer within {} ms; the gateway gives up", request.method(), path,
          options.timeout().toMillis());
      return options.kind() == GatewayKind.REST ? message(504, "Endpoint request timed out")
          : message(503, "Service Unavailable");
    } catch (ExecutionException e) {
      log.error("{} {}: the function failed (Lambda reports an invocation error; the gateway answers 502)",
          request.method(), path, e.getCause());
      return badGateway();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return message(503, "Service Unavailable");
    }
    try {
      return toResponse(GatewayEnvelopes.read(envelope, options.kind(), request.method()));
    } catch (IllegalArgumentException | MalformedEnvelopeException e) {
      log.error("{} {}: malformed Lambda proxy response, the gateway answers 502: {}", request.method(), path,
          e.getMessage());
      return badGateway();
    }
  }

  private byte[] invoke(byte[] event) throws InterruptedException, ExecutionException, TimeoutException {
    boolean gatewayTimeout = options.kind().hasStages();
    long timeoutMillis = options.timeout().toMillis();
    Future<byte[]> invocation = invocations.submit(() -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out,
          new LocalContext("vial-emulated", Duration.ofMillis(timeoutMillis), FUNCTION_LOG));
      return out.toByteArray();
    });
    try {
      return gatewayTimeout ? invocation.get(timeoutMillis, TimeUnit.MILLISECONDS) : invocation.get();
    } catch (TimeoutException | InterruptedException e) {
      invocation.cancel(true);
      throw e;
    }
  }

  private static Response toResponse(GatewayResponse answer) {
    Headers headers = answer.headers();
    String contentType = headers.first("Content-Type");
    Response response = Response.of(answer.status()).withBody(answer.body(), contentType == null ? JSON : contentType);
    if (contentType == null) {
      response = response.withoutHeader("Content-Type"); // the services add none either
    }
    for (int i = 0; i < headers.size(); i++) {
      if (!headers.name(i).equalsIgnoreCase("Content-Type")) {
        response = response.withAddedHeader(headers.name(i), headers.value(i));
      }
    }
    return response;
  }

  private Response badGateway() {
    if (options.kind() == GatewayKind.ALB || options.kind() == GatewayKind.ALB_MULTI_VALUE) {
      return Response.of(502).withBody("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n", "text/html");
    }
    return message(502, "Internal server error");
  }

  /** A body over the service's limit: API Gateway's plain-text answer, or the JSON one for the other services. */
  private Response tooLarge() {
    if (!options.kind().hasStages()) {
      return message(413, "Request Entity Too Large");
    }
    return Response.of(413).withBody("HTTP content length exceeded " + options.maxBodyBytes() + " bytes.",
        "text; charset=utf-8");
  }

  private Response message(int status, String message) {
    return Response.of(status).withBody("{\"message\":\"" + message + "\"}", JSON);
  }

  private static boolean isUnder(String path, String prefix) {
    return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }
}
