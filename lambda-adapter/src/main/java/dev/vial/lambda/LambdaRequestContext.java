package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.Request;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * What Lambda and the event source know about a request beyond HTTP, attached to every request the
 * adapter builds. Immutable. Read it in a handler:
 *
 * <pre>{@code
 * app.get("/whoami", req -> ok(LambdaRequestContext.of(req)
 *     .map(LambdaRequestContext::awsRequestId).orElse("local")));
 * }</pre>
 */
public final class LambdaRequestContext {

  private final String awsRequestId;
  private final Context lambdaContext;
  private final EventSource source;
  private final String sourceIp;
  private final String stage;
  private final Map<String, String> stageVariables;
  private final Map<String, Object> authorizer;
  private final RawEvent rawEvent;

  LambdaRequestContext(Context lambdaContext, EventSource source, String sourceIp, String stage,
      Map<String, String> stageVariables, Map<String, Object> authorizer, RawEvent rawEvent) {
    this.lambdaContext = lambdaContext;
    this.awsRequestId = lambdaContext == null ? null : lambdaContext.getAwsRequestId();
    this.source = source;
    this.sourceIp = sourceIp;
    this.stage = stage;
    this.stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
    this.authorizer = authorizer == null ? Map.of() : Collections.unmodifiableMap(authorizer);
    this.rawEvent = rawEvent;
  }

  /** The Lambda context of {@code request}; empty when it did not come through the Lambda adapter (e.g. locally). */
  public static Optional<LambdaRequestContext> of(Request request) {
    return request.context(LambdaRequestContext.class);
  }

  /** The invocation's AWS request id ({@link Context#getAwsRequestId()}), or {@code null} without a context. */
  public String awsRequestId() {
    return awsRequestId;
  }

  /** The Lambda runtime's context (remaining time, function name, logger), or {@code null} when none was given. */
  public Context lambdaContext() {
    return lambdaContext;
  }

  /** The service that sent the event. */
  public EventSource source() {
    return source;
  }

  /**
   * The client address the event source reports ({@code identity.sourceIp}, {@code http.sourceIp}, or
   * the last {@code X-Forwarded-For} entry for ALB, the peer the load balancer saw); also the request's
   * remote address.
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  /** The API Gateway stage ({@code prod}, {@code $default}); empty for ALB and Function URLs. */
  public Optional<String> stage() {
    return Optional.ofNullable(stage);
  }

  /** The API Gateway stage variables; empty when there are none. */
  public Map<String, String> stageVariables() {
    return stageVariables;
  }

  /**
   * What the authorizer established, as plain maps, lists and scalars: the Cognito {@code claims} or a
   * Lambda authorizer's context for REST APIs; the JWT {@code claims}, the {@code lambda} context or the
   * {@code iam} identity for HTTP APIs and Function URLs. Empty when there is no authorizer.
   */
  public Map<String, Object> authorizer() {
    return authorizer;
  }

  /**
   * The whole event as a Jackson tree, parsed on first call with databind (so a function that never
   * asks never loads it). Empty when the request came from a typed event through {@link LambdaEvents}.
   */
  public Optional<JsonNode> rawEvent() {
    return rawEvent == null ? Optional.empty() : Optional.of(rawEvent.tree());
  }

  /** The event's bytes as they arrived (a copy); empty when the request came through {@link LambdaEvents}. */
  public Optional<byte[]> rawEventBytes() {
    return rawEvent == null ? Optional.empty() : Optional.of(rawEvent.bytes());
  }

  @Override
  public String toString() {
    return "LambdaRequestContext[" + source + ", awsRequestId=" + awsRequestId + ", sourceIp=" + sourceIp
        + ", stage=" + stage + "]";
  }
}
