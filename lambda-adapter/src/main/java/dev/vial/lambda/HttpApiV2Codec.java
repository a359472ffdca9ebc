package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import java.util.List;
import java.util.Map;

/**
 * Payload 2.0: API Gateway HTTP API events and Lambda Function URL events. HTTP APIs send a decoded
 * {@code rawPath} that starts with a named stage; Function URLs send it percent-encoded and have no
 * stage. Request {@code cookies} become one {@code Cookie} header; response {@code Set-Cookie}s go to
 * the {@code cookies} array, and other repeated headers are joined with commas.
 */
final class HttpApiV2Codec implements EventCodec {

  private static final String DEFAULT_STAGE = "$default";

  private final EventSource source;
  private final LambdaOptions options;

  HttpApiV2Codec(EventSource source, LambdaOptions options) {
    this.source = source;
    this.options = options;
  }

  /** {@code /dev} for a named stage, {@code null} for {@code $default} or none. */
  static String stagePrefix(String stage) {
    return stage == null || stage.isEmpty() || stage.equals(DEFAULT_STAGE) ? null : "/" + stage;
  }

  @Override
  public Request toRequest(EventFields event, Context lambdaContext, RawEvent rawEvent) {
    String method = Envelopes.requireMethod(event.httpMethodV2, source, "requestContext.http.method");
    String path = Envelopes.requirePath(event.rawPath, source, "rawPath");
    boolean functionUrl = source == EventSource.FUNCTION_URL;
    PathMapping.Mapped mapped = PathMapping.strip(path, functionUrl ? null : stagePrefix(event.stage),
        options.basePaths());
    String rawPath = functionUrl ? mapped.path() : PathMapping.encodeDecodedPath(mapped.path());
    LambdaRequestContext context = new LambdaRequestContext(lambdaContext, source, event.httpSourceIp,
        functionUrl ? null : event.stage, event.stageVariables, Envelopes.authorizerData(event.authorizer),
        rawEvent);
    Request.Builder request = Request.builder(method, rawPath)
        .headers(headers(event))
        .body(BodyPolicy.requestBody(event.body, event.isBase64Encoded))
        .remoteAddress(event.httpSourceIp)
        .context(context)
        .mountPath(mapped.mountPath());
    if (event.rawQueryString != null && !event.rawQueryString.isEmpty()) {
      request.rawQuery(event.rawQueryString);
    }
    return request.build();
  }

  /** The event's headers as they arrive (comma-joined values stay one value), plus the cookies as one header. */
  private static Headers headers(EventFields event) {
    Headers headers = event.singleHeaders();
    List<String> cookies = event.cookies;
    if (cookies == null || cookies.isEmpty()) {
      return headers;
    }
    // API Gateway moves Cookie headers into `cookies`; replace any copy an emulator left in `headers`.
    return headers.without("Cookie").plus("Cookie", String.join("; ", cookies));
  }

  @Override
  public ProxyResponse toProxyResponse(Response response, EventFields event) {
    Map<String, String> headers = Envelopes.joinedWithoutCookies(response.headers());
    List<String> cookies = response.headers().all(Envelopes.SET_COOKIE);
    BodyPolicy.EncodedBody body = BodyPolicy.responseBody(response);
    return new ProxyResponse(response.status(), null, headers, null,
        cookies.isEmpty() ? null : cookies, body.text(), body.base64());
  }
}
