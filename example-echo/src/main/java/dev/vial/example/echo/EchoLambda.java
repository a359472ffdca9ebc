package dev.vial.example.echo;

import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.LambdaOptions;
import java.util.List;

/**
 * The echo app as an AWS Lambda function, answering its HTTP routes and its service events
 * ({@link EchoApp#events()}). Handler string: {@code dev.vial.example.echo.EchoLambda::handleRequest}.
 */
public final class EchoLambda extends LambdaHandler {

  /** Builds the app once per execution environment; Lambda reuses this instance for every invocation. */
  public EchoLambda() {
    super(EchoApp.create(), EchoApp.events(), options(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE")));
  }

  /**
   * Under SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) the constructor primes two
   * side-effect-free routes, so the snapshot already holds a warmed-up pipeline; on an on-demand cold
   * start priming would only add to the init time, so it is off.
   */
  static LambdaOptions options(String initializationType) {
    return "snap-start".equals(initializationType)
        ? LambdaOptions.defaults().withPrimingPaths(List.of("/", "/users/42"))
        : LambdaOptions.defaults();
  }
}
