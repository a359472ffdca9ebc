package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonFactory;
import dev.vial.App;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.stream.StreamWriter;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One invocation from parsed event to serialised envelope: detect the source, build the request,
 * let the app answer, encode the response, enforce the payload limit, and write the access line.
 * Shared by the streaming handler and the typed {@link LambdaEvents}.
 */
final class EventDispatcher {

  /** Lambda's synchronous response limit (6 MB, counted after base64). */
  static final int LAMBDA_RESPONSE_LIMIT = 6_291_556;
  /** An ALB target's response limit (1 MB). */
  static final int ALB_RESPONSE_LIMIT = 1_048_576;
  /** The MDC key Lambda's own log integrations use for the request id. */
  static final String MDC_REQUEST_ID = "AWSRequestId";

  /** The envelope and its JSON. */
  record Answer(ProxyResponse envelope, byte[] json) {}

  private final App app;
  private final EventCodec restV1;
  private final EventCodec httpApiV1;
  private final EventCodec httpApiV2;
  private final EventCodec functionUrl;
  private final EventCodec alb;
  private final ProxyResponseWriter writer;
  private final Logger accessLog;
  private final Logger log;

  EventDispatcher(App app, LambdaOptions options, JsonFactory jsonFactory, Logger accessLog, Logger log) {
    if (app == null) {
      throw new IllegalArgumentException("App must not be null");
    }
    if (options == null) {
      throw new IllegalArgumentException("LambdaOptions must not be null (use LambdaOptions.defaults())");
    }
    this.app = app;
    this.restV1 = new RestV1Codec(EventSource.REST_V1, options);
    this.httpApiV1 = new RestV1Codec(EventSource.HTTP_API_V1, options);
    this.httpApiV2 = new HttpApiV2Codec(EventSource.HTTP_API_V2, options);
    this.functionUrl = new HttpApiV2Codec(EventSource.FUNCTION_URL, options);
    this.alb = new AlbCodec(options, log);
    this.writer = new ProxyResponseWriter(jsonFactory);
    this.accessLog = accessLog;
    this.log = log;
  }

  Answer dispatch(EventFields event, RawEvent rawEvent, Context lambdaContext) {
    long start = System.nanoTime();
    String requestId = lambdaContext == null ? null : lambdaContext.getAwsRequestId();
    if (requestId != null) {
      MDC.put(MDC_REQUEST_ID, requestId);
    }
    try {
      EventSource source;
      Request request;
      try {
        source = EventDetector.detect(event);
        request = codecFor(source).toRequest(event, lambdaContext, rawEvent);
      } catch (UnsupportedEventException e) {
        logRejected(e);
        throw e;
      }
      EventCodec codec = codecFor(source);
      int limit = source == EventSource.ALB ? ALB_RESPONSE_LIMIT : LAMBDA_RESPONSE_LIMIT;
      // a buffered front door: a streamed body is collected, within the limit, into the one envelope
      Response response = StreamWriter.collect(app.handle(request), limit);
      if (request.method().equals("HEAD") && response.body().length > 0) {
        response = response.withoutBody();
      }
      ProxyResponse envelope = codec.toProxyResponse(response, event);
      byte[] json = writer.write(envelope);
      if (json.length > limit) {
        String message = "Response of " + json.length + " bytes exceeds the " + (source == EventSource.ALB ? "ALB" : "Lambda")
            + " response limit of " + limit + " bytes";
        log.error("{} for {}; answering 500 instead", message, request);
        envelope = codec.toProxyResponse(Responses.error(500, message), event);
        json = writer.write(envelope);
      }
      if (accessLog.isInfoEnabled()) {
        // one String, no argument array or boxing; same text as "{} {} {} {} {}ms"
        accessLog.info(new StringBuilder(96).append(source.name()).append(' ').append(request.toString())
            .append(' ').append(envelope.statusCode()).append(' ').append(json.length).append(' ')
            .append((System.nanoTime() - start) / 1_000_000).append("ms").toString());
      }
      return new Answer(envelope, json);
    } finally {
      if (requestId != null) {
        MDC.remove(MDC_REQUEST_ID);
      }
    }
  }

  /**
   * For a streaming front door: the app's response to an HTTP event, not encoded (a streamed body still to
   * run); {@code null} when {@code event} is not an HTTP event. An HTTP event the codec refuses still throws.
   */
  Response respond(EventFields event, RawEvent rawEvent, Context lambdaContext) {
    EventSource source;
    try {
      source = EventDetector.detect(event);
    } catch (UnsupportedEventException notHttp) {
      return null;
    }
    Request request;
    try {
      request = codecFor(source).toRequest(event, lambdaContext, rawEvent);
    } catch (UnsupportedEventException e) {
      logRejected(e);
      throw e;
    }
    Response response = app.handle(request);
    if (accessLog.isInfoEnabled()) {
      accessLog.info(new StringBuilder(96).append(source.name()).append(" streaming ").append(request.toString())
          .append(' ').append(response.status()).toString());
    }
    return response;
  }

  /** The access line for an event that was refused before it reached the app. */
  void logRejected(UnsupportedEventException rejection) {
    accessLog.warn("rejected event: {}", rejection.getMessage());
  }

  private EventCodec codecFor(EventSource source) {
    // if, not an enum switch: a switch on an enum compiles to an extra switch-map class to load
    if (source == EventSource.REST_V1) {
      return restV1;
    }
    if (source == EventSource.HTTP_API_V1) {
      return httpApiV1;
    }
    if (source == EventSource.HTTP_API_V2) {
      return httpApiV2;
    }
    return source == EventSource.FUNCTION_URL ? functionUrl : alb;
  }
}
