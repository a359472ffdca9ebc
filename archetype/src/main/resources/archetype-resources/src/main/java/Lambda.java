package ${package};

import dev.vial.lambda.LambdaHandler;

/**
 * The app on AWS Lambda, behind API Gateway (REST or HTTP API), an ALB or a function URL. Handler
 * string: {@code ${package}.Lambda::handleRequest} (see {@code template.yaml}).
 */
public final class Lambda extends LambdaHandler {

  /** Builds the app once per execution environment; Lambda reuses this instance for every invocation. */
  public Lambda() {
    super(AppFactory.create());
  }
}
