package dev.vial.lambda.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import dev.vial.Response;
import dev.vial.lambda.LambdaHandler;
import dev.vial.stream.StreamAbortedException;
import dev.vial.stream.StreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Vial's own Lambda runtime: serves every invocation of an execution environment with one
 * {@link LambdaHandler}, talking to the Runtime API itself instead of through AWS's runtime interface client.
 * Start it with {@code java -jar app.jar lambda-runtime} (see the README's "Streaming" section).
 *
 * <p>Configured by the environment Lambda gives the process:
 * <ul>
 *   <li>{@code AWS_LAMBDA_RUNTIME_API}: where the Runtime API listens ({@code host:port}); required;
 *   <li>{@code _HANDLER}: the handler, {@code package.Class::handleRequest} (a {@link LambdaHandler} subclass
 *       with a public no-argument constructor); when unset, the app's own handler is used;
 *   <li>{@code VIAL_LAMBDA_RESPONSE_MODE}: {@code buffered} (the default) or {@code streaming}. Set it to
 *       {@code streaming} when the function sits behind a Function URL with {@code InvokeMode: RESPONSE_STREAM}
 *       (or a REST API with {@code responseTransferMode: STREAM}): every HTTP answer then goes out in Lambda's
 *       streaming mode, with the {@code application/vnd.awslambda.http-integration-response} prelude, streamed
 *       bodies as they are written and all others at once. Events that are not HTTP events are answered buffered
 *       in either mode;
 *   <li>{@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: after init the loop calls {@code /restore/next},
 *       which returns once the snapshot was restored. It runs no {@code org.crac} hooks.
 * </ul>
 *
 * <p>A handler that cannot be created is reported to {@code /runtime/init/error}; a failing invocation to
 * {@code /invocation/{id}/error} with Lambda's error document; a streamed body that fails after its first byte
 * ends its stream with the {@code Lambda-Runtime-Function-Error-Type} and {@code -Error-Body} trailers.
 */
public final class RuntimeLoop {

  /** The environment variable that selects the response mode. */
  public static final String RESPONSE_MODE_VARIABLE = "VIAL_LAMBDA_RESPONSE_MODE";
  private static final Logger log = LoggerFactory.getLogger(RuntimeLoop.class);
  private static final String USER_ERROR = "Runtime.UserException";

  private final RuntimeApiClient client;
  private final LambdaHandler handler;
  private final boolean streaming;
  private final Map<String, String> env;
  private final LambdaJson json = new LambdaJson(new JsonFactory());

  private RuntimeLoop(RuntimeApiClient client, LambdaHandler handler, boolean streaming, Map<String, String> env) {
    this.client = client;
    this.handler = handler;
    this.streaming = streaming;
    this.env = env;
  }

  /**
   * Reads the configuration from {@code env} and creates the handler; a failure to create it is reported to the
   * Runtime API as an init error and then thrown.
   *
   * @param env the process environment (or a test's)
   * @param appHandler the app's own handler, used when {@code _HANDLER} is unset
   */
  public static RuntimeLoop start(Map<String, String> env, Supplier<? extends LambdaHandler> appHandler)
      throws IOException {
    RuntimeApiClient client = new RuntimeApiClient(env.get("AWS_LAMBDA_RUNTIME_API"));
    LambdaHandler handler;
    boolean streaming;
    try {
      streaming = streamingMode(env.get(RESPONSE_MODE_VARIABLE));
      String handlerName = env.get("_HANDLER");
      handler = handlerName == null || handlerName.isBlank() ? appHandler.get()
          : HandlerName.parse(handlerName).instantiate(Thread.currentThread().getContextClassLoader());
    } catch (Throwable failure) {
      Throwable cause = failure instanceof InvocationTargetException wrapped && wrapped.getCause() != null
          ? wrapped.getCause() : failure;
      log.error("Could not initialise the function", cause);
      client.initError("Runtime.InitError", new LambdaJson(new JsonFactory()).error(cause));
      client.close();
      throw new IOException("Function init failed: " + cause, cause);
    }
    RuntimeLoop loop = new RuntimeLoop(client, handler, streaming, env);
    if ("snap-start".equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
      client.restoreNext();
    }
    return loop;
  }

  /** Serves invocations until the Runtime API can no longer be reached (then throws). */
  public void run() throws IOException {
    while (true) {
      Invocation invocation = client.next();
      try {
        serve(invocation);
      } catch (RuntimeApiRefusal refused) {
        // e.g. a response over Lambda's payload limit: this invocation is lost, the environment is not
        log.error("The Runtime API refused the answer to invocation {}: {}", invocation.requestId(), refused.getMessage());
      }
    }
  }

  /** Whether HTTP answers go out in streaming mode. */
  public boolean streaming() {
    return streaming;
  }

  static boolean streamingMode(String mode) {
    if (mode == null || mode.isBlank() || mode.trim().equalsIgnoreCase("buffered")) {
      return false;
    }
    if (mode.trim().equalsIgnoreCase("streaming")) {
      return true;
    }
    throw new IllegalArgumentException(RESPONSE_MODE_VARIABLE + " must be 'buffered' or 'streaming', got '"
        + mode.toLowerCase(Locale.ROOT) + "'");
  }

  /** Answers one invocation; only a broken Runtime API connection escapes (as an IOException). */
  void serve(Invocation invocation) throws IOException {
    RuntimeContext context = new RuntimeContext(invocation, env);
    MDC.put("AWSRequestId", invocation.requestId());
    if (invocation.traceId() != null) {
      System.setProperty("com.amazonaws.xray.traceHeader", invocation.traceId()); // as AWS's runtime does
    }
    try {
      Response response = null;
      if (streaming) {
        try {
          response = handler.httpResponse(invocation.payload(), context);
        } catch (Throwable failure) {
          reportError(invocation, failure);
          return;
        }
      }
      if (response == null) {
        serveBuffered(invocation, context);
      } else {
        stream(invocation, response);
      }
    } finally {
      MDC.remove("AWSRequestId");
    }
  }

  private void serveBuffered(Invocation invocation, RuntimeContext context) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream(1024);
    try {
      handler.handleRequest(new ByteArrayInputStream(invocation.payload()), answer, context);
    } catch (Throwable failure) {
      reportError(invocation, failure);
      return;
    }
    client.respond(invocation.requestId(), answer.toByteArray());
  }

  private void reportError(Invocation invocation, Throwable failure) throws IOException {
    log.error("Invocation {} failed", invocation.requestId(), failure);
    client.error(invocation.requestId(), USER_ERROR, json.error(failure));
  }

  /** One HTTP answer in streaming mode: prelude, 8 NUL bytes, then the body as it is written. */
  private void stream(Invocation invocation, Response response) throws IOException {
    StreamedAnswer answer = new StreamedAnswer(invocation.requestId());
    try {
      if (response.isStreaming()) {
        StreamWriter.write(response, answer);
      } else {
        answer.sendWhole(response);
      }
      client.finishStream(answer.body, null, null);
    } catch (StreamAbortedException aborted) {
      Throwable cause = aborted.getCause();
      log.error("Streamed response of invocation {} failed after {} bytes", invocation.requestId(),
          answer.body.written(), cause);
      try {
        client.finishStream(answer.body, cause.getClass().getName(),
            Base64.getEncoder().encodeToString(json.error(cause)));
      } catch (IOException lost) {
        client.disconnect();
        log.warn("Reporting the failed stream of invocation {} failed: {}", invocation.requestId(), lost.toString());
      }
    } catch (IOException lost) {
      // the Runtime API connection broke mid-stream: nothing more can be said about this invocation
      client.disconnect();
      log.warn("Streaming invocation {} to the Runtime API failed: {}", invocation.requestId(), lost.toString());
    }
  }

  /** The stream of one invocation's response, opened at the first byte. */
  private final class StreamedAnswer implements StreamWriter.Exchange {
    private final String requestId;
    ChunkedOutput body;

    StreamedAnswer(String requestId) {
      this.requestId = requestId;
    }

    @Override
    public OutputStream begin(Response head) throws IOException {
      body = client.startStream(requestId, RuntimeApiClient.STREAMING_CONTENT_TYPE);
      body.write(json.prelude(head));
      return body;
    }

    @Override
    public void sendWhole(Response answer) throws IOException {
      begin(answer).write(answer.body());
    }
  }
}
