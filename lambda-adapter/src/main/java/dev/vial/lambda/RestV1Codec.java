package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payload 1.0: API Gateway REST API proxy events and HTTP API events with payload format 1.0. They share
 * the shape ({@code httpMethod}, {@code path}, {@code multiValue*}) and the response, but differ in the
 * path: a REST API's {@code path} is percent-encoded and has no stage, an HTTP API's is decoded and
 * starts with a named stage. Query parameters arrive decoded and are never decoded again.
 */
final class RestV1Codec implements EventCodec {

  private final EventSource source;
  private final LambdaOptions options;

  RestV1Codec(EventSource source, LambdaOptions options) {
    this.source = source;
    this.options = options;
  }

  @Override
  public Request toRequest(EventFields event, Context lambdaContext, RawEvent rawEvent) {
    String method = Envelopes.requireMethod(event.httpMethod, source, "httpMethod");
    String path = Envelopes.requirePath(event.path, source, "path");
    String rawPath;
    String mountPath;
    if (source == EventSource.HTTP_API_V1) {
      PathMapping.Mapped mapped = PathMapping.strip(path, HttpApiV2Codec.stagePrefix(event.stage), options.basePaths());
      rawPath = PathMapping.encodeDecodedPath(mapped.path());
      mountPath = mapped.mountPath();
    } else {
      String removed = PathMapping.removedPrefix(path, event.contextPath);
      PathMapping.Mapped mapped = PathMapping.strip(path, null, options.basePaths());
      rawPath = mapped.path();
      mountPath = (removed == null ? "" : removed) + mapped.mountPath();
    }
    Headers headers = event.requestHeaders();
    Map<String, List<String>> query = event.multiValueQueryStringParameters != null
        ? event.multiValueQueryStringParameters
        : event.queryStringParameters != null ? Envelopes.singleToMulti(event.queryStringParameters) : Map.of();
    LambdaRequestContext context = new LambdaRequestContext(lambdaContext, source, event.identitySourceIp,
        event.stage, event.stageVariables, Envelopes.authorizerData(event.authorizer), rawEvent);
    return Request.builder(method, rawPath)
        .queryParams(query)
        .headers(headers)
        .body(BodyPolicy.requestBody(event.body, event.isBase64Encoded))
        .remoteAddress(event.identitySourceIp)
        .context(context)
        .mountPath(mountPath)
        .build();
  }

  /** Single-valued headers go to {@code headers}; repeated ones and every {@code Set-Cookie} to {@code multiValueHeaders}. */
  @Override
  public ProxyResponse toProxyResponse(Response response, EventFields event) {
    Map<String, String> single = new LinkedHashMap<>();
    Map<String, List<String>> multi = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : Envelopes.grouped(response.headers()).entrySet()) {
      String name = header.getKey();
      List<String> values = header.getValue();
      if (values.size() == 1 && !name.equalsIgnoreCase(Envelopes.SET_COOKIE)) {
        single.put(name, values.get(0));
      } else {
        multi.put(name, values);
      }
    }
    BodyPolicy.EncodedBody body = BodyPolicy.responseBody(response);
    return new ProxyResponse(response.status(), null, single, multi, null, body.text(), body.base64());
  }
}
