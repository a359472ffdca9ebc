package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import dev.vial.App;
import dev.vial.Response;
import dev.vial.lambda.events.ServiceEvents;
import dev.vial.lambda.events.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a Vial {@link App} as a Lambda function behind API Gateway (REST and HTTP APIs), an Application
 * Load Balancer or a Function URL. Subclass it with a no-arg constructor and point Lambda at it:
 *
 * <pre>{@code
 * public final class EchoLambda extends LambdaHandler {
 *   public EchoLambda() { super(EchoApp.create()); }
 * }
 * // handler: pkg.EchoLambda::handleRequest
 * }</pre>
 *
 * <p>Everything that can be prepared is prepared in the constructor, which Lambda runs once per
 * execution environment. Events are read and answers written with Jackson's streaming API, so the cold
 * path never creates an {@code ObjectMapper}. A payload that is not an HTTP event of a supported source
 * fails the invocation with an {@link UnsupportedEventException} rather than a guessed response.
 * One access line per invocation goes to the {@code dev.vial.lambda.access} logger, with the AWS
 * request id in the MDC as {@code AWSRequestId}. With {@link LambdaOptions#primingPaths()} the
 * constructor also sends those paths through the whole pipeline, so that a SnapStart snapshot holds
 * a warmed-up function.
 *
 * <p>Built with a {@link ServiceEvents} table, the same handler also answers the non-HTTP events the table
 * registers (SQS, SNS, S3, EventBridge and schedules, DynamoDB and Kinesis streams, CloudWatch Logs):
 *
 * <pre>{@code
 * public EchoLambda() { super(EchoApp.create(), EchoApp.events()); }
 * }</pre>
 *
 * An HTTP event is told from a service event by a few field checks of the one streaming read, so HTTP
 * events cost the same as without a table. API Gateway WebSocket events stay refused.
 */
public class LambdaHandler implements RequestStreamHandler {

  private final EventReader reader;
  private final EventDispatcher dispatcher;
  private final App app;
  private final ServiceEvents services;

  /** Serves {@code app} with {@link LambdaOptions#defaults()}. */
  public LambdaHandler(App app) {
    this(app, LambdaOptions.defaults());
  }

  /** Serves {@code app} with {@code options} (e.g. base paths to strip). */
  public LambdaHandler(App app, LambdaOptions options) {
    this(app, options, LoggerFactory.getLogger("dev.vial.lambda.access"), LoggerFactory.getLogger(LambdaHandler.class));
  }

  /** Serves {@code app}'s routes and the service events {@code events} registers, with default options. */
  public LambdaHandler(App app, ServiceEvents events) {
    this(app, events, LambdaOptions.defaults());
  }

  /** Serves {@code app}'s routes and the service events {@code events} registers, with {@code options}. */
  public LambdaHandler(App app, ServiceEvents events, LambdaOptions options) {
    this(app, options, LoggerFactory.getLogger("dev.vial.lambda.access"), LoggerFactory.getLogger(LambdaHandler.class),
        requireEvents(events));
  }

  LambdaHandler(App app, LambdaOptions options, Logger accessLog, Logger log) {
    this(app, options, accessLog, log, null);
  }

  LambdaHandler(App app, LambdaOptions options, Logger accessLog, Logger log, ServiceEvents services) {
    JsonFactory jsonFactory = new JsonFactory();
    this.app = app;
    this.services = services;
    this.reader = new EventReader(jsonFactory);
    this.dispatcher = new EventDispatcher(app, options, jsonFactory, accessLog, log);
    for (String target : options.primingPaths()) {
      prime(PrimingEvents.restV1(jsonFactory, target));
      prime(PrimingEvents.httpApiV2(jsonFactory, target));
    }
  }

  /** Runs one synthetic event through the pipeline; the app answers failures itself, so this never throws. */
  private void prime(byte[] event) {
    dispatcher.dispatch(reader.read(event), new RawEvent(event), null);
  }

  /** The service events this handler answers (read-only; empty without a table): what a template must subscribe. */
  public final List<Trigger> triggers() {
    return services == null ? List.of() : services.triggers();
  }

  /**
   * For Vial's own runtime loop ({@code dev.vial.lambda.runtime}) in streaming mode: the app's response to an
   * HTTP event, not encoded, so that the loop can stream it; {@code null} when {@code event} is not an HTTP
   * event (answer that one with {@link #handleRequest}). The response's streamed body, if any, has not run yet.
   */
  public final Response httpResponse(byte[] event, Context context) {
    EventFields fields;
    try {
      fields = reader.read(event);
    } catch (UnsupportedEventException notJsonObject) {
      return null;
    }
    if (services != null && EventDetector.isServiceEvent(fields)) {
      return null;
    }
    return dispatcher.respond(fields, new RawEvent(event), context);
  }

  /** Reads one event from {@code input}, answers it with the app and writes the proxy response to {@code output}. */
  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    byte[] event = input.readAllBytes();
    EventFields fields;
    try {
      fields = reader.read(event);
    } catch (UnsupportedEventException e) {
      dispatcher.logRejected(e);
      throw e;
    }
    if (services != null && EventDetector.isServiceEvent(fields)) {
      output.write(answerServiceEvent(event, context));
      output.flush();
      return;
    }
    byte[] json = dispatcher.dispatch(fields, new RawEvent(event), context).json();
    output.write(json);
    output.flush();
  }

  private byte[] answerServiceEvent(byte[] event, Context context) {
    String requestId = context == null ? null : context.getAwsRequestId();
    if (requestId != null) {
      MDC.put(EventDispatcher.MDC_REQUEST_ID, requestId);
    }
    try {
      return services.answer(event, app, context);
    } finally {
      if (requestId != null) {
        MDC.remove(EventDispatcher.MDC_REQUEST_ID);
      }
    }
  }

  private static ServiceEvents requireEvents(ServiceEvents events) {
    if (events == null) {
      throw new IllegalArgumentException("ServiceEvents must not be null (use LambdaHandler(app) for HTTP only)");
    }
    return events;
  }
}
