package dev.vial.lambda;

import dev.vial.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every event field the adapter reads, from any of the four HTTP event shapes, collected in one
 * streaming pass (fields arrive in any order, so detection has to wait for the whole object).
 * Filled once by {@link EventReader} or {@link LambdaEvents}, then only read. A field that is missing,
 * {@code null} or of the wrong JSON type is {@code null} here.
 */
final class EventFields {
  final List<String> topLevelKeys = new ArrayList<>(16);
  String version;
  boolean hasResource;
  boolean authorizerInput;
  String httpMethod;
  String path;
  String rawPath;
  String rawQueryString;
  /** {@code headers} and {@code multiValueHeaders} as a typed event carries them ({@link LambdaEvents}). */
  Map<String, String> headers;
  Map<String, List<String>> multiValueHeaders;
  /** The same two fields as {@link EventReader} reads them, straight into {@link Headers}. */
  Headers singleHeaderFields;
  Headers multiHeaderFields;
  Map<String, String> queryStringParameters;
  Map<String, List<String>> multiValueQueryStringParameters;
  List<String> cookies;
  String body;
  boolean isBase64Encoded;
  Map<String, String> stageVariables;

  // requestContext
  boolean hasRequestContext;
  boolean hasElb;
  String webSocketMarker;
  String apiId;
  String domainName;
  String stage;
  String contextPath;
  String identitySourceIp;
  String httpMethodV2;
  String httpSourceIp;
  Map<String, Object> authorizer;

  /** Whether the event has a {@code multiValueHeaders} object (payload 1.0 and ALB then answer in kind). */
  boolean hasMultiValueHeaders() {
    return multiValueHeaders != null || multiHeaderFields != null;
  }

  /** The request headers of a payload 1.0 or ALB event: {@code multiValueHeaders} when present, else {@code headers}. */
  Headers requestHeaders() {
    if (multiValueHeaders != null) {
      return Envelopes.fromMulti(multiValueHeaders);
    }
    return multiHeaderFields != null ? multiHeaderFields : singleHeaders();
  }

  /** The {@code headers} object; empty when absent. */
  Headers singleHeaders() {
    if (headers != null) {
      return Envelopes.fromSingle(headers);
    }
    return singleHeaderFields != null ? singleHeaderFields : Headers.empty();
  }
}
