package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.fasterxml.jackson.core.JsonFactory;
import dev.vial.App;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Answers typed {@code aws-lambda-java-events} objects with a Vial app, for functions that already
 * receive them (e.g. a {@code RequestHandler<APIGatewayProxyRequestEvent, ...>}). Fields are copied one
 * by one, with no JSON round trip, and go through the same translation as {@link LambdaHandler}.
 * This class is the only one that touches those types: add {@code aws-lambda-java-events} to your own
 * dependencies to use it (the adapter declares it optional).
 *
 * <pre>{@code
 * private static final LambdaEvents VIAL = new LambdaEvents(EchoApp.create());
 * public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
 *   return VIAL.handle(event, context);
 * }
 * }</pre>
 *
 * <p>{@link LambdaRequestContext#rawEvent()} is empty for these requests: there are no raw bytes.
 */
public final class LambdaEvents {

  private final EventDispatcher dispatcher;

  /** Serves {@code app} with {@link LambdaOptions#defaults()}. */
  public LambdaEvents(App app) {
    this(app, LambdaOptions.defaults());
  }

  /** Serves {@code app} with {@code options}. */
  public LambdaEvents(App app, LambdaOptions options) {
    this.dispatcher = new EventDispatcher(app, options, new JsonFactory(),
        LoggerFactory.getLogger("dev.vial.lambda.access"), LoggerFactory.getLogger(LambdaEvents.class));
  }

  /** Answers a REST API (or HTTP API payload 1.0) proxy event. */
  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
    EventFields fields = new EventFields();
    fields.version = event.getVersion();
    fields.hasResource = event.getResource() != null;
    fields.httpMethod = event.getHttpMethod();
    fields.path = event.getPath();
    fields.headers = event.getHeaders();
    fields.multiValueHeaders = event.getMultiValueHeaders();
    fields.queryStringParameters = event.getQueryStringParameters();
    fields.multiValueQueryStringParameters = event.getMultiValueQueryStringParameters();
    fields.body = event.getBody();
    fields.isBase64Encoded = Boolean.TRUE.equals(event.getIsBase64Encoded());
    fields.stageVariables = event.getStageVariables();
    APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = event.getRequestContext();
    if (requestContext != null) {
      fields.hasRequestContext = true;
      fields.apiId = requestContext.getApiId();
      fields.domainName = requestContext.getDomainName();
      fields.stage = requestContext.getStage();
      fields.contextPath = requestContext.getPath();
      fields.identitySourceIp = requestContext.getIdentity() == null ? null : requestContext.getIdentity().getSourceIp();
      fields.authorizer = requestContext.getAuthorizer();
    }
    ProxyResponse envelope = answer(fields, context, EventSource.REST_V1, EventSource.HTTP_API_V1);
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(envelope.statusCode())
        .withHeaders(envelope.headers())
        .withMultiValueHeaders(envelope.multiValueHeaders())
        .withBody(envelope.body())
        .withIsBase64Encoded(envelope.isBase64Encoded());
  }

  /** Answers an HTTP API payload 2.0 or Function URL event. */
  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    EventFields fields = new EventFields();
    fields.version = event.getVersion();
    fields.rawPath = event.getRawPath();
    fields.rawQueryString = event.getRawQueryString();
    fields.cookies = event.getCookies();
    fields.headers = event.getHeaders();
    fields.body = event.getBody();
    fields.isBase64Encoded = event.getIsBase64Encoded();
    fields.stageVariables = event.getStageVariables();
    APIGatewayV2HTTPEvent.RequestContext requestContext = event.getRequestContext();
    if (requestContext != null) {
      fields.hasRequestContext = true;
      fields.apiId = requestContext.getApiId();
      fields.domainName = requestContext.getDomainName();
      fields.stage = requestContext.getStage();
      if (requestContext.getHttp() != null) {
        fields.httpMethodV2 = requestContext.getHttp().getMethod();
        fields.httpSourceIp = requestContext.getHttp().getSourceIp();
      }
      fields.authorizer = authorizer(requestContext.getAuthorizer());
    }
    ProxyResponse envelope = answer(fields, context, EventSource.HTTP_API_V2, EventSource.FUNCTION_URL);
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(envelope.statusCode());
    response.setHeaders(envelope.headers());
    response.setCookies(envelope.cookies());
    response.setBody(envelope.body());
    response.setIsBase64Encoded(envelope.isBase64Encoded());
    return response;
  }

  /** Answers an Application Load Balancer event, in the header mode (single or multi-value) it arrived in. */
  public ApplicationLoadBalancerResponseEvent handle(ApplicationLoadBalancerRequestEvent event, Context context) {
    EventFields fields = new EventFields();
    fields.httpMethod = event.getHttpMethod();
    fields.path = event.getPath();
    fields.headers = event.getHeaders();
    fields.multiValueHeaders = event.getMultiValueHeaders();
    fields.queryStringParameters = event.getQueryStringParameters();
    fields.multiValueQueryStringParameters = event.getMultiValueQueryStringParameters();
    fields.body = event.getBody();
    fields.isBase64Encoded = event.getIsBase64Encoded();
    fields.hasRequestContext = event.getRequestContext() != null;
    fields.hasElb = fields.hasRequestContext && event.getRequestContext().getElb() != null;
    ProxyResponse envelope = answer(fields, context, EventSource.ALB, EventSource.ALB);
    ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
    response.setStatusCode(envelope.statusCode());
    response.setStatusDescription(envelope.statusDescription());
    response.setHeaders(envelope.headers());
    response.setMultiValueHeaders(envelope.multiValueHeaders());
    response.setBody(envelope.body());
    response.setIsBase64Encoded(envelope.isBase64Encoded());
    return response;
  }

  private ProxyResponse answer(EventFields fields, Context context, EventSource expected, EventSource alsoExpected) {
    EventSource source;
    try {
      source = EventDetector.detect(fields);
    } catch (UnsupportedEventException e) {
      dispatcher.logRejected(e);
      throw e;
    }
    if (source != expected && source != alsoExpected) {
      UnsupportedEventException mismatch = new UnsupportedEventException("The typed event looks like a " + source
          + " event, which needs the matching event type");
      dispatcher.logRejected(mismatch);
      throw mismatch;
    }
    return dispatcher.dispatch(fields, null, context).envelope();
  }

  /** The HTTP API authorizer as the same plain maps the streaming reader produces. */
  private static Map<String, Object> authorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer) {
    if (authorizer == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    if (authorizer.getJwt() != null) {
      Map<String, Object> jwt = new LinkedHashMap<>();
      jwt.put("claims", authorizer.getJwt().getClaims() == null ? null : new LinkedHashMap<>(authorizer.getJwt().getClaims()));
      jwt.put("scopes", authorizer.getJwt().getScopes());
      map.put("jwt", jwt);
    }
    if (authorizer.getLambda() != null) {
      map.put("lambda", authorizer.getLambda());
    }
    APIGatewayV2HTTPEvent.RequestContext.IAM iam = authorizer.getIam();
    if (iam != null) {
      Map<String, Object> identity = new LinkedHashMap<>();
      putIfPresent(identity, "accessKey", iam.getAccessKey());
      putIfPresent(identity, "accountId", iam.getAccountId());
      putIfPresent(identity, "callerId", iam.getCallerId());
      putIfPresent(identity, "principalOrgId", iam.getPrincipalOrgId());
      putIfPresent(identity, "userArn", iam.getUserArn());
      putIfPresent(identity, "userId", iam.getUserId());
      map.put("iam", identity);
    }
    return map;
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
