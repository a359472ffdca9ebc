package dev.vial.launcher;

import dev.vial.lambda.runtime.RuntimeLoop;

/**
 * {@code lambda-runtime}: runs Vial's own Lambda runtime loop ({@link RuntimeLoop}) against
 * {@code AWS_LAMBDA_RUNTIME_API}, with the handler named by {@code _HANDLER} (the app's own Lambda handler when
 * unset) and the response mode of {@code VIAL_LAMBDA_RESPONSE_MODE}. This is what a {@code provided.al2023}
 * {@code bootstrap} or an {@code AWS_LAMBDA_EXEC_WRAPPER} script runs. It returns only when the Runtime API is
 * gone or init failed (exit status 1).
 */
final class LambdaRuntimeCommand implements Command {

  @Override
  public int run(String[] args, AppSource source) throws Exception {
    if (args.length > 0) {
      System.err.println("vial lambda-runtime: takes no arguments; it is configured by the environment "
          + "(AWS_LAMBDA_RUNTIME_API, _HANDLER, " + RuntimeLoop.RESPONSE_MODE_VARIABLE + ")");
      return 2;
    }
    if (System.getenv("AWS_LAMBDA_RUNTIME_API") == null) {
      System.err.println("vial lambda-runtime: AWS_LAMBDA_RUNTIME_API is not set; this command runs inside "
          + "AWS Lambda (or against a Runtime API emulator)");
      return 2;
    }
    RuntimeLoop.start(System.getenv(), source.lambdaHandler()).run();
    return 1;
  }
}
