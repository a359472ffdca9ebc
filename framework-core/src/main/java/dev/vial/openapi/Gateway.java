package dev.vial.openapi;

import java.util.List;

/**
 * How an OpenAPI document is flavoured for Amazon API Gateway: which kind of API imports it, whether it
 * lists every route or forwards everything, and how it reaches the Lambda function.
 *
 * @param kind the kind of API
 * @param mode per-route (the default) or greedy
 * @param invokeUri the integration {@code uri}, written as an {@code Fn::Sub} string, e.g.
 *     {@code arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FnAliaslive}/invocations}
 * @param binaryMediaTypes for a REST API, the media types it passes as binary ({@code *}{@code /*} for all);
 *     ignored for an HTTP API, which passes every body through
 */
public record Gateway(Kind kind, Mode mode, String invokeUri, List<String> binaryMediaTypes) {

  /** The kind of API Gateway API. */
  public enum Kind {
    /** An HTTP API (API Gateway v2), Lambda payload format 2.0. */
    HTTP_API,
    /** A REST API (API Gateway v1), Lambda proxy events (payload 1.0), binary media types. */
    REST_API
  }

  /** Which paths the gateway knows. */
  public enum Mode {
    /**
     * Every route of the app, typed parameters as plain ones, {@code {rest:path}} as {@code {rest+}}. Unknown
     * paths are answered 404 by the gateway, without invoking (and paying for) the function.
     */
    PER_ROUTE,
    /** Only {@code /} and {@code /{proxy+}} for any method: every request reaches the function. */
    GREEDY
  }

  /** Checks the parts. */
  public Gateway {
    if (kind == null || mode == null || invokeUri == null || invokeUri.isBlank()) {
      throw new IllegalArgumentException("kind, mode and invokeUri must be given");
    }
    binaryMediaTypes = binaryMediaTypes == null ? List.of() : List.copyOf(binaryMediaTypes);
  }

  /** An HTTP API in per-route mode. */
  public static Gateway httpApi(String invokeUri) {
    return new Gateway(Kind.HTTP_API, Mode.PER_ROUTE, invokeUri, List.of());
  }

  /** A REST API in per-route mode, passing every media type through as binary. */
  public static Gateway restApi(String invokeUri) {
    return new Gateway(Kind.REST_API, Mode.PER_ROUTE, invokeUri, List.of("*/*"));
  }

  /** The same gateway in {@code mode}. */
  public Gateway withMode(Mode mode) {
    return new Gateway(kind, mode, invokeUri, binaryMediaTypes);
  }

  /** The integration {@code uri} of a Lambda function (or alias) known by its logical id in a template. */
  public static String lambdaInvokeUri(String functionRef) {
    return "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + functionRef
        + "}/invocations";
  }
}
