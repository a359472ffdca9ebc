package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.vial.Headers;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.http.PercentDecoding;
import dev.vial.http.StatusCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Application Load Balancer target events. The path and query arrive percent-encoded (query names and
 * values are decoded once here). Headers come either as {@code headers} or, with the target group's
 * multi-value setting, as {@code multiValueHeaders}; the response uses the same field.
 *
 * <p>Without multi-value headers an ALB response can carry one value per header name, but an app may
 * set several cookies. Header names are case-insensitive to clients while JSON keys are not, so each
 * further cookie goes out under another capitalisation of the name ({@code Set-Cookie},
 * {@code set-Cookie}, {@code SEt-Cookie}, ...), the known technique for this ALB limit. That gives 512
 * distinct names; cookies beyond that are dropped with a warning. Enable multi-value headers on the
 * target group to avoid the trick.
 *
 * <p>The client address is the last {@code X-Forwarded-For} entry, the peer the ALB itself saw; earlier
 * entries come from the client (or proxies in front of the ALB) and are not trusted.
 */
final class AlbCodec implements EventCodec {

  /** {@code set-cookie} has 9 letters, so 2^9 capitalisations. */
  static final int MAX_SINGLE_VALUE_COOKIES = 512;

  private final LambdaOptions options;
  private final Logger log;

  AlbCodec(LambdaOptions options, Logger log) {
    this.options = options;
    this.log = log;
  }

  @Override
  public Request toRequest(EventFields event, Context lambdaContext, RawEvent rawEvent) {
    String method = Envelopes.requireMethod(event.httpMethod, EventSource.ALB, "httpMethod");
    String path = Envelopes.requirePath(event.path, EventSource.ALB, "path");
    PathMapping.Mapped mapped = PathMapping.strip(path, null, options.basePaths());
    Headers headers = event.requestHeaders();
    String sourceIp = peerAddress(headers.all("X-Forwarded-For"));
    LambdaRequestContext context = new LambdaRequestContext(lambdaContext, EventSource.ALB, sourceIp, null,
        null, null, rawEvent);
    return Request.builder(method, mapped.path())
        .queryParams(decodedQuery(event))
        .headers(headers)
        .body(BodyPolicy.requestBody(event.body, event.isBase64Encoded))
        .remoteAddress(sourceIp)
        .context(context)
        .mountPath(mapped.mountPath())
        .build();
  }

  @Override
  public ProxyResponse toProxyResponse(Response response, EventFields event) {
    int status = response.status();
    String description = status + " " + StatusCodes.reasonPhrase(status);
    BodyPolicy.EncodedBody body = BodyPolicy.responseBody(response);
    if (event.hasMultiValueHeaders()) {
      return new ProxyResponse(status, description, null, Envelopes.grouped(response.headers()), null,
          body.text(), body.base64());
    }
    Map<String, String> headers = Envelopes.joinedWithoutCookies(response.headers());
    List<String> cookies = response.headers().all(Envelopes.SET_COOKIE);
    for (int i = 0; i < cookies.size(); i++) {
      if (i == MAX_SINGLE_VALUE_COOKIES) {
        log.warn("ALB single-value headers allow {} Set-Cookie headers; dropped {} more. Enable multi-value "
            + "headers on the target group.", MAX_SINGLE_VALUE_COOKIES, cookies.size() - MAX_SINGLE_VALUE_COOKIES);
        break;
      }
      headers.put(setCookieName(i), cookies.get(i));
    }
    return new ProxyResponse(status, description, headers, null, null, body.text(), body.base64());
  }

  /** The {@code i}-th capitalisation of {@code Set-Cookie}: {@code 0} is {@code Set-Cookie}, each bit flips one letter's case. */
  static String setCookieName(int i) {
    char[] name = Envelopes.SET_COOKIE.toCharArray();
    int letter = 0;
    for (int c = 0; c < name.length; c++) {
      if (Character.isLetter(name[c])) {
        if ((i & (1 << letter)) != 0) {
          name[c] = Character.isUpperCase(name[c]) ? Character.toLowerCase(name[c]) : Character.toUpperCase(name[c]);
        }
        letter++;
      }
    }
    return new String(name);
  }

  private static Map<String, List<String>> decodedQuery(EventFields event) {
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    if (event.multiValueQueryStringParameters != null) {
      event.multiValueQueryStringParameters.forEach((name, values) -> {
        List<String> list = decoded.computeIfAbsent(PercentDecoding.decodeFormComponent(name), k -> new ArrayList<>());
        for (String value : values) {
          list.add(PercentDecoding.decodeFormComponent(value));
        }
      });
    } else if (event.queryStringParameters != null) {
      event.queryStringParameters.forEach((name, value) -> decoded
          .computeIfAbsent(PercentDecoding.decodeFormComponent(name), k -> new ArrayList<>())
          .add(PercentDecoding.decodeFormComponent(value)));
    }
    return decoded;
  }

  /**
   * The last {@code X-Forwarded-For} entry: the ALB appends the address it saw the connection come from,
   * so everything before it was sent by the client and could be forged.
   */
  static String peerAddress(List<String> forwardedFor) {
    if (forwardedFor.isEmpty()) {
      return null;
    }
    String field = forwardedFor.get(forwardedFor.size() - 1);
    String last = field.substring(field.lastIndexOf(',') + 1).trim();
    return last.isEmpty() ? null : last;
  }
}
