package dev.vial.example.echo;

import dev.vial.lambda.LambdaHandler;

/**
 * The echo app as an AWS Lambda function. Handler string:
 * {@code dev.vial.example.echo.EchoLambda::handleRequest}.
 */
public final class EchoLambda extends LambdaHandler {

  /** Builds the app once per execution environment; Lambda reuses this instance for every invocation. */
  public EchoLambda() {
    super(EchoApp.create());
  }
}
